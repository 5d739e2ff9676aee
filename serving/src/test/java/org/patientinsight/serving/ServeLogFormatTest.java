package org.patientinsight.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServeLogFormatTest {

  @Test
  void bothLogConfigurationsAreWellFormedXml() throws Exception {
    for (String name : new String[] {"log4j2-serving.xml", "log4j2-serving-text.xml"}) {
      try (java.io.InputStream in = ServeMain.class.getClassLoader().getResourceAsStream(name)) {
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
      }
    }
  }

  @Test
  void textOnATerminalJsonOtherwiseUnlessAsked() {
    assertEquals("text", ServeMain.logFormat(new String[] {"--port", "8080"}, true));
    assertEquals("json", ServeMain.logFormat(new String[] {"--port", "8080"}, false));
    assertEquals("json", ServeMain.logFormat(new String[] {"--log-format", "json"}, true));
    assertEquals("text", ServeMain.logFormat(new String[] {"--log-format=text"}, false));
  }
}
