package org.patientinsight.serving.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The TREC CDS topic files: each topic has a full description and a short summary. */
public final class TrecTopics {
  public record Topic(String id, String description, String summary) {}

  private TrecTopics() {}

  public static List<Topic> read(Path file, String prefix) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList topics = f.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("topic");
      List<Topic> out = new ArrayList<>();
      for (int i = 0; i < topics.getLength(); i++) {
        Element t = (Element) topics.item(i);
        out.add(new Topic(prefix + "-" + t.getAttribute("number"),
            text(t, "description", file), text(t, "summary", file)));
      }
      return out;
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("cannot read TREC topics from " + file + ": " + e.getMessage(), e);
    }
  }

  private static String text(Element topic, String tag, Path file) {
    NodeList n = topic.getElementsByTagName(tag);
    if (n.getLength() != 1 || n.item(0).getTextContent().isBlank()) {
      throw new IllegalArgumentException(file + ": topic " + topic.getAttribute("number")
          + " needs exactly one non-empty <" + tag + ">");
    }
    return n.item(0).getTextContent().strip();
  }
}
