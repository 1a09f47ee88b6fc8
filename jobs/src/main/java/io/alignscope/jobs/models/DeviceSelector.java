package io.alignscope.jobs.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.alignscope.jobs.config.DeviceChoice;
import io.alignscope.jobs.config.DtypeChoice;
import io.alignscope.lm.model.LoadOptions;
import ai.djl.ndarray.types.DataType;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/**
 * Picks the device of a task: the GPU Spark assigned to it (spark.task.resource.gpu.amount and a
 * discovery script), as the DJL Spark extension does, or the CPU.
 */
public final class DeviceSelector {
  private DeviceSelector() {}

  /** The device for the current task, or for the driver when there is no task. */
  public static Device forCurrentTask(DeviceChoice choice) {
    if (choice == DeviceChoice.CPU) {
      return Device.cpu();
    }
    TaskContext task = TaskContext.get();
    String assigned = null;
    if (task != null) {
      Map<String, ResourceInformation> resources = task.resourcesJMap();
      ResourceInformation gpu = resources.get("gpu");
      if (gpu != null && gpu.addresses().length > 0) {
        assigned = gpu.addresses()[0];
      }
    }
    if (assigned != null) {
      return Device.gpu(Integer.parseInt(assigned.trim()));
    }
    if (choice == DeviceChoice.CUDA) {
      if (Engine.getInstance().getGpuCount() > 0) {
        return Device.gpu(0);
      }
      throw new IllegalStateException("models.device = cuda, but Spark assigned no GPU to this task and none is "
          + "visible; set spark.executor.resource.gpu.amount, spark.task.resource.gpu.amount and a discovery script");
    }
    return Device.cpu();
  }

  /** The load options for a device under the configured precision. */
  public static LoadOptions options(Device device, DtypeChoice dtype) {
    DataType type = switch (dtype) {
      case AUTO -> device.isGpu() ? DataType.BFLOAT16 : DataType.FLOAT32;
      case FLOAT32 -> DataType.FLOAT32;
      case BFLOAT16 -> DataType.BFLOAT16;
      case FLOAT16 -> DataType.FLOAT16;
    };
    if (!device.isGpu() && type != DataType.FLOAT32) {
      throw new IllegalStateException("models.dtype = " + dtype.name().toLowerCase() + " needs a GPU, but this task runs on "
          + device + "; use models.dtype = auto or float32");
    }
    return new LoadOptions(device, type, false);
  }
}
