package org.patientinsight.jobs.embed;

import java.util.List;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Column names for Spark's {@code join(right, usingColumns, joinType)}, which wants a Scala Seq. */
final class UsingColumns {
  private UsingColumns() {}

  static Seq<String> of(String... names) {
    return JavaConverters.asScalaBuffer(List.of(names)).toSeq();
  }
}
