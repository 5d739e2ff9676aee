'use strict';
// The page talks to the same API as any client; the key stays in this tab only.
(function () {
  const $ = (id) => document.getElementById(id);
  const keyBox = $('apikey');
  keyBox.value = sessionStorage.getItem('pi.apikey') || '';

  function text(el, value) { el.textContent = value == null ? '' : String(value); }

  function renderCase(c) {
    const li = document.createElement('li');
    const score = document.createElement('span');
    score.className = 'score';
    text(score, c.score == null ? 'n/a' : c.score.toFixed(3));
    const title = document.createElement('a');
    title.href = 'https://pubmed.ncbi.nlm.nih.gov/' + encodeURIComponent(c.pmid || '') + '/';
    title.target = '_blank';
    title.rel = 'noopener noreferrer';
    text(title, c.title || c.patientUid);
    const meta = document.createElement('div');
    meta.className = 'meta';
    const bits = ['case ' + c.patientUid, 'PMID ' + (c.pmid || '?')];
    if (c.age != null) bits.push('age ' + Math.round(c.age));
    if (c.sex) bits.push(c.sex);
    text(meta, bits.join(' | '));
    const snip = document.createElement('div');
    text(snip, c.snippet || '');
    li.append(score, title, meta, snip);
    return li;
  }

  $('analyse').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { symptoms: $('symptoms').value };
    if ($('age').value !== '') body.age = Number($('age').value);
    if ($('sex').value) body.sex = $('sex').value;
    if ($('topK').value !== '') body.topK = Number($('topK').value);
    const headers = { 'Content-Type': 'application/json' };
    if (keyBox.value) {
      sessionStorage.setItem('pi.apikey', keyBox.value);
      headers.Authorization = 'Bearer ' + keyBox.value;
    }
    $('submit').disabled = true;
    text($('status'), 'Analysing...');
    try {
      const res = await fetch('/api/v1/analyses', { method: 'POST', headers, body: JSON.stringify(body) });
      const data = await res.json();
      if (!res.ok && !data.similarCases) {
        text($('status'), 'Error ' + res.status + ': ' + (data.error ? data.error.message : ''));
        return;
      }
      text($('status'), res.ok ? '' : 'Report failed (' + data.error.message + '); similar cases below.');
      text($('report'), data.report || '(no report)');
      text($('generator'), data.generator ? (data.languageModel ? 'written by ' + data.generator : 'extractive, not LLM-written') : '');
      const r = data.retrieval || {};
      const tag = $('retrieval');
      text(tag, (r.mode || '') + (r.max != null ? ' | best ' + r.max.toFixed(3) : '') + (r.lowScore ? ' | LOW SIMILARITY' : ''));
      tag.className = r.lowScore ? 'tag low' : 'tag';
      const list = $('cases');
      list.replaceChildren(...(data.similarCases || []).map(renderCase));
      $('result').hidden = false;
    } catch (e) {
      text($('status'), 'Request failed: ' + e.message);
    } finally {
      $('submit').disabled = false;
    }
  });
})();
