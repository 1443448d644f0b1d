package vn.conduct.rules.internal.compile;

import java.io.ObjectInput;
import java.io.ObjectOutput;
import org.kie.api.runtime.rule.AccumulateFunction;

/** Drools accumulate function that gathers {@link Stats} from per-element codes. */
public final class StatsAccumulateFunction implements AccumulateFunction<StatsAccumulateFunction.Context> {

  /** Accumulation state. */
  public static final class Context implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    Stats stats = new Stats();
  }

  @Override
  public Context createContext() {
    return new Context();
  }

  @Override
  public void init(Context context) {
    context.stats = new Stats();
  }

  @Override
  public void accumulate(Context context, Object value) {
    context.stats.add(value);
  }

  @Override
  public void reverse(Context context, Object value) {
    throw new UnsupportedOperationException("not reversible");
  }

  @Override
  public Object getResult(Context context) {
    return context.stats.copy();
  }

  @Override
  public boolean supportsReverse() {
    return false;
  }

  @Override
  public Class<?> getResultType() {
    return Stats.class;
  }

  @Override
  public void writeExternal(ObjectOutput out) { }

  @Override
  public void readExternal(ObjectInput in) { }
}
