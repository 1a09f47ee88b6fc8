package io.alignscope.jobs.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alignscope.jobs.ingest.CanonicalSchema;
import io.alignscope.lm.text.Message;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** Converts canonical corpus rows into {@link PromptRecord}s and back into a JSON payload for rejects. */
public final class PromptRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PromptRows() {}

  /** The record of a row of {@link CanonicalSchema#SCHEMA}. */
  public static PromptRecord fromRow(Row row) {
    String prompt = row.getAs(CanonicalSchema.PROMPT);
    List<Message> conversation = new ArrayList<>();
    int index = row.fieldIndex(CanonicalSchema.MESSAGES);
    if (!row.isNullAt(index)) {
      for (Row turn : row.<Row>getList(index)) {
        conversation.add(new Message(turn.getAs(CanonicalSchema.ROLE), turn.getAs(CanonicalSchema.CONTENT)));
      }
    }
    if (conversation.isEmpty()) {
      conversation.add(Message.user(prompt));
    }
    return new PromptRecord(row.getAs(CanonicalSchema.ID), prompt, row.getAs(CanonicalSchema.RESPONSE),
        row.getAs(CanonicalSchema.SOURCE), List.copyOf(conversation), row.getAs(CanonicalSchema.CHOSEN),
        row.getAs(CanonicalSchema.REJECTED), row.getAs(CanonicalSchema.ORIGIN));
  }

  /** The record as JSON, the {@code raw} payload of a stage reject. */
  public static String toJson(PromptRecord record) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", record.id());
    node.put("prompt", record.prompt());
    node.put("response", record.response());
    node.put("source", record.source());
    node.put("chosen", record.chosen());
    node.put("rejected", record.rejected());
    var turns = node.putArray("messages");
    record.conversation().forEach(m -> turns.addObject().put("role", m.role()).put("content", m.content()));
    return node.toString();
  }
}
