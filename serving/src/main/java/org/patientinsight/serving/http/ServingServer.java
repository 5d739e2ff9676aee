package org.patientinsight.serving.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.patientinsight.serving.analysis.AnalysisFailedException;
import org.patientinsight.serving.analysis.AnalysisRefusedException;
import org.patientinsight.serving.analysis.AnalysisService;
import org.patientinsight.serving.analysis.Caller;
import org.patientinsight.serving.api.ApiError;
import org.patientinsight.serving.api.RequestParser;
import org.patientinsight.serving.config.ServingConfig;
import org.patientinsight.serving.generate.GenerationException;
import org.patientinsight.serving.limits.KeyRateLimiter;
import org.patientinsight.serving.limits.RequestRateLimiter;
import org.patientinsight.serving.log.EventLog;
import org.patientinsight.serving.metrics.ServingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on Javalin (Jetty). Every response is JSON except the page and /metrics;
 * errors carry a code, a message and the offending field, never a stack trace. API requests
 * pass, in order: the key check (401), the key's rate limit (429), readiness (503) and the
 * admission gate (503 when full); health probes, the page and /metrics pass none of these,
 * so a flood of slow or heavy API requests cannot starve them of threads.
 */
public final class ServingServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServingServer.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  private static final String HANDLED = "pi.error.handled";
  private static final String REQUEST_ID = "pi.request.id";
  private static final String CALLER = "pi.caller";
  static final String CSP = "default-src 'self'; style-src 'self'; script-src 'self'; "
      + "img-src 'self' data:; frame-ancestors 'none'";

  private final ServingConfig cfg;
  private final AnalysisService service;
  private final ServingMetrics metrics;
  private final Readiness readiness;
  private final ApiKeyAuth auth;
  private final RequestParser parser;
  private final BodyReader bodies;
  private final AdmissionGate gate;
  private final RequestRateLimiter rateLimiter;
  private final byte[] metricsTokenHash;
  private final Javalin app;

  /** @param auth null only when --insecure-dev switched authentication off */
  public ServingServer(ServingConfig cfg, AnalysisService service, ServingMetrics metrics,
      Readiness readiness, ApiKeyAuth auth) {
    this(cfg, service, metrics, readiness, auth,
        new KeyRateLimiter(cfg.limits().requestsPerMinute(), System::nanoTime));
  }

  public ServingServer(ServingConfig cfg, AnalysisService service, ServingMetrics metrics,
      Readiness readiness, ApiKeyAuth auth, RequestRateLimiter rateLimiter) {
    this.cfg = cfg;
    this.service = service;
    this.metrics = metrics;
    this.readiness = readiness;
    this.auth = auth;
    this.rateLimiter = rateLimiter;
    this.parser = new RequestParser(cfg);
    ServingConfig.Limits lim = cfg.limits();
    this.bodies = new BodyReader(cfg.maxBodyBytes(), lim.bodyReadTimeoutMs());
    this.gate = new AdmissionGate(lim.maxInFlight(), lim.maxQueued(), lim.queueWaitMs());
    this.metricsTokenHash = cfg.metricsToken() == null ? null : ApiKeyAuth.sha256(cfg.metricsToken());
    this.app = Javalin.create(c -> {
      c.showJavalinBanner = false;
      QueuedThreadPool pool = new QueuedThreadPool(lim.threads(), Math.min(8, lim.threads()), 60_000);
      pool.setName("http");
      c.jetty.threadPool = pool;
      c.http.maxRequestSize = cfg.maxBodyBytes();
      c.jetty.modifyHttpConfiguration(h -> {
        h.setIdleTimeout(lim.idleTimeoutMs()); // each blocking read or write
        // no Jetty minimum data rate: it counts from the first byte, so a small body read late
        // (after waiting in the admission queue, or on a busy CPU) would fail with 408;
        // BodyReader's deadline bounds a trickling client instead
        h.setSendServerVersion(false);
      });
      // an explicit connector: bind address from serving.bind, idle connections closed
      c.jetty.addConnector((server, http) -> {
        ServerConnector conn = new ServerConnector(server, new HttpConnectionFactory(http));
        conn.setHost(cfg.bind());
        conn.setPort(cfg.port());
        conn.setIdleTimeout(lim.idleTimeoutMs());
        return conn;
      });
      c.requestLogger.http(this::observe);
    });
    routes();
  }

  public ServingServer start() {
    app.start();
    EventLog.info("server_started").code("bind", cfg.bind()).num("port", port())
        .flag("auth", auth != null).code("generator", service.reportGenerator().name()).log();
    return this;
  }

  /** The port actually bound (useful with port 0 in tests). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  private void routes() {
    app.before(ctx -> {
      ctx.attribute(REQUEST_ID, UUID.randomUUID().toString());
      ctx.header("X-Request-Id", (String) ctx.attribute(REQUEST_ID));
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("X-Frame-Options", "DENY");
      ctx.header("Cache-Control", "no-store");
      if (cfg.hsts()) {
        // only when TLS ends at the load balancer in front (serving.hsts)
        ctx.header("Strict-Transport-Security", "max-age=31536000");
      }
    });

    app.get("/", ctx -> page(ctx, "index.html", "text/html; charset=utf-8"));
    app.get("/static/app.js", ctx -> page(ctx, "app.js", "text/javascript; charset=utf-8"));
    app.get("/static/app.css", ctx -> page(ctx, "app.css", "text/css; charset=utf-8"));
    app.get("/health/live", ctx -> json(ctx, 200, Map.of("status", "live")));
    app.get("/health/ready", ctx -> {
      Map<String, Object> m = new LinkedHashMap<>();
      boolean ready = readiness.isReady();
      m.put("status", ready ? "ready" : "not_ready");
      m.put("indexOpen", readiness.isIndexOpen());
      m.put("embedderLoaded", readiness.isEmbedderLoaded());
      json(ctx, ready ? 200 : 503, m);
    });
    app.get("/metrics", ctx -> {
      if (metricsTokenHash != null && !metricsTokenMatches(ctx.header("Authorization"))) {
        ctx.header("WWW-Authenticate", "Bearer");
        throw new ApiError(401, "unauthorized", "Authorization",
            "/metrics needs Authorization: Bearer <serving.metrics_token>");
      }
      ctx.contentType(metrics.contentType());
      ctx.result(metrics.scrape());
    });
    app.post("/api/v1/search", api((ctx, caller) -> json(ctx, 200,
        Views.search(service.search(parser.analysis(bodies.read(ctx)), ctx.attribute(REQUEST_ID))))));
    app.post("/api/v1/analyses", api((ctx, caller) -> json(ctx, 201,
        Views.analysis(service.analyse(parser.analysis(bodies.read(ctx)), caller)))));
    app.get("/api/v1/analyses/{id}", api((ctx, caller) -> json(ctx, 200,
        Views.analysis(service.find(ctx.pathParam("id"), caller)
            .orElseThrow(DomainErrors::unknownAnalysis)))));
    app.delete("/api/v1/analyses/{id}", api((ctx, caller) -> {
      if (!service.delete(ctx.pathParam("id"), caller)) {
        throw DomainErrors.unknownAnalysis();
      }
      ctx.status(204);
    }));
    app.post("/api/v1/analyses/{id}/questions", api((ctx, caller) -> {
      String question = parser.question(bodies.read(ctx));
      json(ctx, 200, Views.answer(service.ask(ctx.pathParam("id"), question, caller)
          .orElseThrow(DomainErrors::unknownAnalysis)));
    }));
    // unknown /api routes still need a key, so route names are no oracle either
    app.before("/api/*", ctx -> {
      if (ctx.attribute(CALLER) == null) {
        ctx.attribute(CALLER, authenticate(ctx));
      }
    });

    app.exception(ApiError.class, (e, ctx) -> apiError(ctx, e));
    app.exception(AnalysisRefusedException.class, (e, ctx) -> apiError(ctx, DomainErrors.of(e)));
    app.exception(AnalysisFailedException.class, (e, ctx) -> {
      GenerationException g = e.generation();
      Map<String, Object> extra = Views.search(e.search());
      error(ctx, DomainErrors.status(g.kind()), g.kind().code, null, g.getMessage()
          + "; the similar cases are returned without a report", extra);
    });
    app.exception(GenerationException.class, (e, ctx) ->
        error(ctx, DomainErrors.status(e.kind()), e.kind().code, null, e.getMessage(), null));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("unhandled error on {} (request {})", RouteTemplates.of(ctx.path()),
          (String) ctx.attribute(REQUEST_ID), e);
      error(ctx, 500, "internal_error", null, "internal error; the server log has request id "
          + ctx.attribute(REQUEST_ID), null);
    });
    app.error(404, ctx -> {
      if (ctx.attribute(HANDLED) == null) {
        error(ctx, 404, "not_found", null, "no route " + ctx.method() + " " + cut(ctx.path()), null);
      }
    });
    app.error(405, ctx -> {
      if (ctx.attribute(HANDLED) == null) {
        error(ctx, 405, "method_not_allowed", null, "method not allowed on this route", null);
      }
    });
  }

  /** An API handler that runs for a known caller, within the key's rate and the gate. */
  private interface ApiHandler {
    void handle(Context ctx, Caller caller) throws Exception;
  }

  private Handler api(ApiHandler h) {
    return ctx -> {
      Caller caller = ctx.attribute(CALLER);
      if (caller == null) {
        caller = authenticate(ctx);
        ctx.attribute(CALLER, caller);
      }
      long wait = rateLimiter.secondsUntilAllowed(caller.keyId());
      if (wait > 0) {
        throw new ApiError(429, "rate_limited", null, "this key sent more than "
            + cfg.limits().requestsPerMinute() + " requests in a minute", (int) Math.min(wait, 3600));
      }
      if (!readiness.isReady()) {
        throw new ApiError(503, "not_ready", null,
            "the service is still loading the embedder or index", 5);
      }
      gate.enter();
      try {
        h.handle(ctx, caller);
      } finally {
        gate.leave();
      }
    };
  }

  private Caller authenticate(Context ctx) {
    if (auth == null) {
      return Caller.INSECURE_DEV;
    }
    return auth.identify(ctx.header("Authorization")).orElseThrow(() -> {
      ctx.header("WWW-Authenticate", "Bearer");
      return new ApiError(401, "unauthorized", "Authorization",
          "a valid API key is required: Authorization: Bearer <key>");
    });
  }

  private boolean metricsTokenMatches(String authorization) {
    byte[] presented = ApiKeyAuth.presentedHash(authorization);
    return presented != null && java.security.MessageDigest.isEqual(metricsTokenHash, presented);
  }

  private void apiError(Context ctx, ApiError e) {
    if (e.retryAfterSeconds() != null) {
      ctx.header("Retry-After", e.retryAfterSeconds().toString());
    }
    error(ctx, e.status(), e.code(), e.field(), e.getMessage(), null);
  }

  private void error(Context ctx, int status, String code, String field, String message,
      Map<String, Object> extra) {
    Map<String, Object> err = new LinkedHashMap<>();
    err.put("code", code);
    err.put("message", message);
    if (field != null) {
      err.put("field", field);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", err);
    body.put("requestId", ctx.attribute(REQUEST_ID));
    if (extra != null) {
      body.putAll(extra);
    }
    ctx.attribute(HANDLED, Boolean.TRUE);
    ctx.attribute("pi.error.kind", code);
    json(ctx, status, body);
  }

  private static void json(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void page(Context ctx, String file, String type) throws IOException {
    try (InputStream in = ServingServer.class.getResourceAsStream("/serving-web/" + file)) {
      if (in == null) {
        throw new ApiError(404, "not_found", null, "page asset missing from the jar: " + file);
      }
      ctx.contentType(type);
      ctx.header("Content-Security-Policy", CSP);
      ctx.result(in.readAllBytes());
    }
  }

  /** Metrics and one JSON log line per request; ids, route, status and timing only. */
  private void observe(Context ctx, Float millis) {
    String route = RouteTemplates.of(ctx.path());
    int status = ctx.statusCode();
    metrics.request(route, ctx.method().name(), status, millis / 1000.0);
    String kind = ctx.attribute("pi.error.kind");
    if (kind != null) {
      metrics.error(kind);
    }
    EventLog ev = status >= 500 ? EventLog.warn("http_request") : EventLog.info("http_request");
    ev.code("request_id", ctx.attribute(REQUEST_ID)).code("method", ctx.method().name())
        .code("route", route).num("status", status).num("ms", millis)
        .num("request_bytes", Math.max(0, ctx.req().getContentLengthLong()))
        .code("error", kind).log();
  }

  private static String cut(String s) {
    return s.length() <= 100 ? s : s.substring(0, 100) + "...";
  }
}
