package io.alignscope.jobs.models;

import java.io.Serializable;

/**
 * What the manifest records about a model.
 *
 * @param role "base" or "aligned"
 * @param location as configured
 * @param modelType config.json model_type
 * @param fingerprint SHA-256 of config.json, tokenizer.json and the tensor list (see Checkpoint#fingerprint)
 * @param parameters parameter count (-1 when only metadata was read on the driver)
 * @param storedDtype dominant weight dtype ("" when unknown on the driver)
 * @param vocabSize tokenizer ids
 * @param vocabFingerprint SHA-256 of the vocabulary
 * @param promptFormat the prompt format in use
 */
public record ModelIdentity(String role, String location, String modelType, String fingerprint, long parameters,
    String storedDtype, int vocabSize, String vocabFingerprint, String promptFormat) implements Serializable {}
