package org.patientinsight.quality.deequ;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The one place Java turns into Scala collections and back: Deequ's API here in quality, and the few
 * Spark calls in jobs that want a Scala Seq or Map (join's using-columns, rows with array and map
 * columns, listener events). No other class in the tree converts.
 */
public final class ScalaInterop {
  private ScalaInterop() {}

  public static <T> Option<T> none() {
    return Option.empty();
  }

  public static <T> Option<T> some(T value) {
    return Option.apply(value);
  }

  /** A Scala immutable Seq (a List) with the given elements. */
  public static <T> Seq<T> seq(List<T> values) {
    return JavaConverters.asScalaBufferConverter(new ArrayList<>(values)).asScala().toList();
  }

  /** A Scala immutable Seq of the given elements (e.g. the using-columns of Spark's {@code join}). */
  @SafeVarargs
  public static <T> Seq<T> seq(T... values) {
    return seq(List.of(values));
  }

  /** A live Scala view of a Java map (order kept), e.g. for a MapType value in a Row; null stays null. */
  public static <K, V> scala.collection.Map<K, V> mapView(Map<K, V> values) {
    return values == null ? null : JavaConverters.mapAsScalaMapConverter(values).asScala();
  }

  public static <T> scala.collection.immutable.List<T> emptyList() {
    return scala.collection.immutable.List$.MODULE$.empty();
  }

  public static <K, V> scala.collection.immutable.Map<K, V> map(Map<K, V> values) {
    return scala.collection.immutable.Map$.MODULE$.<K, V>empty().$plus$plus(
        JavaConverters.mapAsScalaMapConverter(new LinkedHashMap<>(values)).asScala());
  }

  public static <T> List<T> list(scala.collection.Iterable<T> values) {
    return new ArrayList<>(JavaConverters.asJavaCollectionConverter(values).asJavaCollection());
  }

  public static <K, V> Map<K, V> javaMap(scala.collection.Map<K, V> values) {
    return new LinkedHashMap<>(JavaConverters.mapAsJavaMapConverter(values).asJava());
  }

  /** The value of an Option, or null. */
  public static <T> T orNull(Option<T> option) {
    return option.isDefined() ? option.get() : null;
  }

  /** A Double from an Option holding a boxed number, or null. */
  public static Double doubleOrNull(Option<Object> option) {
    Object v = orNull(option);
    return v instanceof Number n ? n.doubleValue() : null;
  }
}
