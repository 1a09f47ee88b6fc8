package io.alignscope.jobs.nudge;

import io.alignscope.jobs.config.NudgeSettings;
import io.alignscope.jobs.models.LoadedModel;
import io.alignscope.lm.infer.Nudger;
import io.alignscope.lm.infer.NudgingOptions;
import java.util.HashSet;
import java.util.Set;

/** Builds the {@link Nudger} of a loaded pair: the base tokenizer's words, either model's EOS. */
public final class PairNudger {
  private PairNudger() {}

  public static Nudger of(LoadedModel base, LoadedModel aligned, NudgeSettings settings) {
    Set<Long> eos = new HashSet<>();
    base.tokenizer().eosIds().forEach(i -> eos.add(i.longValue()));
    aligned.tokenizer().eosIds().forEach(i -> eos.add(i.longValue()));
    return new Nudger(base.model(), aligned.model(), base.tokenizer(), eos,
        new NudgingOptions(settings.gamma(), settings.chunk()));
  }
}
