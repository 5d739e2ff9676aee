package org.patientinsight.core.vector;

import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** A {@link SearchFilter} as a Lucene query, so filtering happens inside the search. */
final class FilterQueries {
  private FilterQueries() {}

  /** Null when the filter does not restrict anything. */
  static Query of(SearchFilter filter) {
    if (filter == null || filter.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (filter.ageMin() != null || filter.ageMax() != null) {
      double min = filter.ageMin() == null ? Double.NEGATIVE_INFINITY : filter.ageMin();
      double max = filter.ageMax() == null ? Double.POSITIVE_INFINITY : filter.ageMax();
      if (Double.isNaN(min) || Double.isNaN(max)) {
        throw new IllegalArgumentException("filter ageMin/ageMax must be numbers, not NaN");
      }
      if (min > max) {
        throw new IllegalArgumentException("filter ageMin (" + min + ") is above ageMax ("
            + max + ")");
      }
      b.add(DoublePoint.newRangeQuery(CaseDocuments.AGE, min, max), BooleanClause.Occur.FILTER);
    }
    if (filter.sex() != null) {
      if (filter.sex().isBlank()) {
        throw new IllegalArgumentException("filter sex must be M or F, got a blank value");
      }
      b.add(new TermQuery(new Term(CaseDocuments.GENDER, CaseDocuments.genderTerm(filter.sex()))),
          BooleanClause.Occur.FILTER);
    }
    return b.build();
  }
}
