package org.patientinsight.report;

/** The report's stylesheet, inlined into the page. */
final class ReportCss {
  private ReportCss() {}

  static final String CSS = """
      :root{--ink:#172033;--muted:#667085;--line:#e4e8f0;--bg:#f3f5f9;--card:#fff;
        --pass:#157f3b;--pass-bg:#dcf5e4;--fail:#b42318;--fail-bg:#fde4e1;
        --warn:#a15c07;--warn-bg:#fdf0d2;--info:#2453b8;--info-bg:#dfe9fd}
      *{box-sizing:border-box}
      body{margin:0;background:var(--bg);color:var(--ink);
        font:14px/1.5 "Inter","Segoe UI","Helvetica Neue",Arial,"DejaVu Sans",sans-serif;
        -webkit-font-smoothing:antialiased}
      main{max-width:1200px;margin:0 auto;padding:32px 28px 40px}
      header{display:flex;justify-content:space-between;align-items:flex-end;gap:24px;
        margin-bottom:22px}
      .eyebrow{text-transform:uppercase;letter-spacing:.08em;font-size:12px;font-weight:600;
        color:var(--info)}
      h1{margin:4px 0 4px;font-size:28px;font-weight:700;letter-spacing:-.01em}
      h2{margin:0 0 12px;font-size:16px;font-weight:650}
      .meta,.muted{color:var(--muted)}
      .muted{margin:-6px 0 12px;font-size:13px}
      .mono,code{font-family:"JetBrains Mono","SFMono-Regular",Menlo,Consolas,
        "DejaVu Sans Mono",monospace;font-size:12.5px}
      .status{display:inline-flex;align-items:center;gap:10px;padding:10px 18px;
        border-radius:999px;font-weight:650;font-size:15px;white-space:nowrap}
      .status .dot{width:10px;height:10px;border-radius:50%;background:currentColor}
      .status.pass{color:var(--pass);background:var(--pass-bg)}
      .status.warn{color:var(--warn);background:var(--warn-bg)}
      .status.fail{color:var(--fail);background:var(--fail-bg)}
      .kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:14px;
        margin-bottom:14px}
      .kpi,.card,.recon{background:var(--card);border:1px solid var(--line);border-radius:14px;
        box-shadow:0 1px 2px rgba(16,24,40,.05)}
      .kpi{padding:14px 16px;border-top:4px solid #c9d3e3}
      .kpi.green{border-top-color:#2fb865}.kpi.amber{border-top-color:#e0a526}
      .kpi.red{border-top-color:#e05252}
      .kpi-title{font-size:12px;text-transform:uppercase;letter-spacing:.06em;
        color:var(--muted);font-weight:600}
      .kpi-value{font-size:26px;font-weight:700;margin-top:2px;font-variant-numeric:tabular-nums}
      .kpi-sub{font-size:12px;color:var(--muted)}
      .recon{display:flex;align-items:center;gap:12px;padding:12px 16px;margin-bottom:14px;
        font-variant-numeric:tabular-nums}
      .recon .mark{display:inline-grid;place-items:center;width:26px;height:26px;
        border-radius:50%;font-weight:700}
      .recon.ok .mark{background:var(--pass-bg);color:var(--pass)}
      .recon.bad .mark{background:var(--fail-bg);color:var(--fail)}
      .card{padding:18px 20px;margin-bottom:14px;min-width:0}
      .card-head{display:flex;justify-content:space-between;align-items:baseline;gap:12px;
        flex-wrap:wrap}
      .grid.two{display:grid;grid-template-columns:1fr 1fr;gap:14px}
      .grid.two>.card{margin-bottom:14px}
      @media (max-width:900px){.grid.two{grid-template-columns:1fr}}
      table{width:100%;border-collapse:collapse;font-size:13px}
      th{text-align:left;font-size:11.5px;text-transform:uppercase;letter-spacing:.05em;
        color:var(--muted);font-weight:600;padding:8px 10px;border-bottom:1px solid var(--line)}
      td{padding:9px 10px;border-bottom:1px solid #eef1f5;vertical-align:top}
      tr:last-child td{border-bottom:0}
      tr.row-fail td{background:#fff6f5}
      tr.row-warn td{background:#fffaf0}
      .num{text-align:right;font-variant-numeric:tabular-nums}
      .pill{display:inline-block;min-width:58px;text-align:center;padding:2px 10px;
        border-radius:999px;font-size:12px;font-weight:650}
      .pill.pass{color:var(--pass);background:var(--pass-bg)}
      .pill.fail{color:var(--fail);background:var(--fail-bg)}
      .pill.warn{color:var(--warn);background:var(--warn-bg)}
      .pill.info{color:var(--info);background:var(--info-bg)}
      .level{font-size:12px;color:var(--muted)}
      .msg{font-size:12px;color:var(--fail);margin-top:2px}
      .msg.muted{color:var(--muted);margin:2px 0 0}
      .chips{display:flex;gap:8px;flex-wrap:wrap}
      .chip{font-size:12px;color:var(--muted);background:#f1f4f9;border-radius:999px;
        padding:3px 10px}
      .chip b{color:var(--ink);font-weight:650}
      .legend{display:flex;gap:16px;flex-wrap:wrap;margin-top:10px;font-size:13px}
      .legend i{display:inline-block;width:10px;height:10px;border-radius:3px;
        margin-right:6px;vertical-align:0}
      .split-row{display:flex;align-items:center;gap:12px;margin:8px 0}
      .split-label{width:40px;font-weight:600;font-size:13px}
      .split-bar{flex:1}
      .tag{display:inline-block;background:#f1f4f9;border-radius:6px;padding:1px 7px;
        margin:1px 4px 1px 0;font-size:12px}
      svg{display:block;overflow:visible}
      svg text{font-family:inherit}
      svg .tick{font-size:11px;fill:#667085}
      svg .value{font-size:10.5px;fill:#344054;font-weight:600}
      svg .label{font-size:12px;fill:#344054}
      svg .inside{font-size:12px;fill:#fff;font-weight:650}
      svg .axis-title{font-size:12px;fill:#667085}
      svg .grid{stroke:#e9edf3;stroke-width:1}
      svg .axis{stroke:#98a2b3;stroke-width:1}
      footer{color:var(--muted);font-size:12px;text-align:center;margin-top:18px}
      @media print{body{background:#fff}.card,.kpi{box-shadow:none}}
      """;
}
