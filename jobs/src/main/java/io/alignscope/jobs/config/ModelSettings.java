package io.alignscope.jobs.config;

import java.io.Serializable;

/**
 * @param base the base model
 * @param aligned the aligned model
 * @param device device policy
 * @param dtype precision policy
 * @param cacheDir local cache folder for copied models ("" = default)
 * @param torchThreads libtorch intra-op threads (0 = default)
 */
public record ModelSettings(ModelSpec base, ModelSpec aligned, DeviceChoice device, DtypeChoice dtype,
    String cacheDir, int torchThreads) implements Serializable {

  static ModelSettings from(ConfigReader r) {
    DeviceChoice device = r.choice("models.device", DeviceChoice.class);
    DtypeChoice dtype = r.choice("models.dtype", DtypeChoice.class);
    boolean halfPrecision = dtype == DtypeChoice.BFLOAT16 || dtype == DtypeChoice.FLOAT16;
    r.check("models.dtype", ConfigReader.nameOf(dtype), !(halfPrecision && device == DeviceChoice.CPU),
        "half precision needs models.device = cuda or auto (the CPU computes in float32)");
    return new ModelSettings(ModelSpec.from(r, "base"), ModelSpec.from(r, "aligned"), device, dtype,
        r.string("models.cache-dir"), r.integer("models.torch-threads", 0, 1024));
  }
}
