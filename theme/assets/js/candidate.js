/*
 * "Am I a candidate?" — the questionnaire flow on /candidate/.
 *
 * The build writes the questionnaire as JSON into <script type="application/json" id="questionnaire-data">;
 * this file runs it one question per screen (GOV.UK "question pages" and "check a service is suitable").
 *
 * Privacy: answers live in this closure only. No storage, no cookies, no network; the URL carries at most
 * a #step fragment naming the screen, never an answer.
 *
 * The engine below must agree with src/Site/Questionnaire/QuestionnaireEngine.cs: a test replays every path the
 * C# side enumerates, here and in a real browser. Change both together.
 */
(function (global) {
  'use strict';

  // ---------------------------------------------------------------------------------------------
  // Engine: pure functions over the compiled questionnaire and an answers object { linkId: code }.
  // ---------------------------------------------------------------------------------------------

  function has(answers, linkId) {
    return Object.prototype.hasOwnProperty.call(answers, linkId);
  }

  /** A condition on a question that was not asked is false, for = and for != alike. */
  function holds(condition, answers) {
    if (!has(answers, condition.question)) return false;
    var given = answers[condition.question];
    return condition.operator === '=' ? given === condition.answer : given !== condition.answer;
  }

  function isEnabled(item, answers) {
    var conditions = item.enableWhen || [];
    if (conditions.length === 0) return true;
    if (item.enableBehavior === 'any') return conditions.some(function (c) { return holds(c, answers); });
    return conditions.every(function (c) { return holds(c, answers); });
  }

  /**
   * Re-applies skip logic: walks the questions in order, keeping the answers of questions still asked.
   * Returns { kept: [{ item, code }], answers: {...kept only}, next: first enabled unanswered item or null }.
   */
  function walk(q, answers) {
    var kept = [];
    var keptAnswers = {};
    for (var i = 0; i < q.items.length; i++) {
      var item = q.items[i];
      if (!isEnabled(item, keptAnswers)) continue;
      if (!has(answers, item.linkId)) return { kept: kept, answers: keptAnswers, next: item };
      keptAnswers[item.linkId] = answers[item.linkId];
      kept.push({ item: item, code: answers[item.linkId] });
    }
    return { kept: kept, answers: keptAnswers, next: null };
  }

  function findItem(q, linkId) {
    for (var i = 0; i < q.items.length; i++) if (q.items[i].linkId === linkId) return q.items[i];
    return null;
  }

  function findOption(item, code) {
    if (!item) return null;
    for (var i = 0; i < item.options.length; i++) if (item.options[i].code === code) return item.options[i];
    return null;
  }

  function describe(q, conditions, answers) {
    var out = [];
    conditions.forEach(function (c) {
      if (typeof c.reason !== 'string') return;
      var code = answers[c.question];
      var option = findOption(findItem(q, c.question), code);
      out.push({
        linkId: c.question,
        code: code,
        text: c.reason.split('{answer}').join(option ? option.text : code),
        lookAgain: typeof c.lookAgain === 'string' ? c.lookAgain : null
      });
    });
    return out;
  }

  /** The first outcome whose rule holds, with its reasons and notes; null when none does. */
  function evaluate(q, answers) {
    for (var i = 0; i < q.outcomes.length; i++) {
      var outcome = q.outcomes[i];
      var matched = outcome.when.filter(function (c) { return holds(c, answers); });
      var ok = outcome.behavior === 'any' ? matched.length > 0 : matched.length === outcome.when.length;
      if (!ok) continue;
      var notes = (outcome.notes || []).filter(function (c) { return holds(c, answers); });
      return { outcome: outcome, reasons: describe(q, matched, answers), notes: describe(q, notes, answers) };
    }
    return null;
  }

  /** The most questions still to come after the questions before index, given the answers so far. */
  function longestFrom(q, answers, index) {
    while (index < q.items.length && !isEnabled(q.items[index], answers)) index++;
    if (index >= q.items.length) return 0;
    var item = q.items[index];
    var best = 0;
    item.options.forEach(function (option) {
      var next = Object.assign({}, answers);
      next[item.linkId] = option.code;
      best = Math.max(best, longestFrom(q, next, index + 1));
    });
    return 1 + best;
  }

  /** "Question n of up to m" for the question at position index (0-based) among the kept answers. */
  function progress(q, keptBefore, item) {
    var answers = {};
    keptBefore.forEach(function (k) { answers[k.item.linkId] = k.code; });
    var index = q.items.indexOf(item);
    return { number: keptBefore.length + 1, upTo: keptBefore.length + longestFrom(q, answers, index) };
  }

  var Engine = {
    holds: holds,
    isEnabled: isEnabled,
    walk: walk,
    evaluate: evaluate,
    progress: progress,
    /** For tests: answers in the C# path order, one { linkId, code } per step, to the outcome. */
    run: function (q, steps) {
      var answers = {};
      steps.forEach(function (s) { answers[s.linkId] = s.code; });
      var w = walk(q, answers);
      var result = w.next ? null : evaluate(q, w.answers);
      return {
        asked: w.kept.map(function (k) { return k.item.linkId; }),
        next: w.next ? w.next.linkId : null,
        outcomeId: result ? result.outcome.id : null,
        kind: result ? result.outcome.kind : null,
        reasons: result ? result.reasons.map(function (r) { return r.text; }) : []
      };
    }
  };

  global.CandidateEngine = Engine;

  // ---------------------------------------------------------------------------------------------
  // Flow: screens rendered into #candidate-app. Runs only in a browser.
  // ---------------------------------------------------------------------------------------------

  if (typeof document === 'undefined') return;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        if (name === 'text') node.textContent = value;
        else if (name === 'html') node.innerHTML = value; // only HTML the build rendered and sanitized
        else node.setAttribute(name, value === true ? '' : String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function visuallyHidden(text) {
    return el('span', { 'class': 'candidate-visually-hidden', text: text });
  }

  function start() {
    var data = document.getElementById('questionnaire-data');
    var app = document.getElementById('candidate-app');
    var intro = document.getElementById('candidate-start');
    var root = app ? (app.closest('.candidate') || document.body) : null;
    var checklist = document.getElementById('candidate-checklist');
    if (!data || !app || !intro) return;

    var q;
    try {
      q = JSON.parse(data.textContent);
    } catch (e) {
      return; // the checklist still works without the flow
    }

    // Answers are held here and nowhere else; they are forgotten when the page closes.
    var answers = {};
    // Set while the reader changes an answer from "Check your answers": return there when done.
    var returnToCheck = false;
    var baseTitle = document.title;
    var firstRender = true;

    // The screen on show: 'start', 'question-<linkId>', 'check' or 'result'. Kept here, not in the URL:
    // every URL change (even a fragment) makes Chromium fetch the site icon again, and the flow makes no requests.
    var current = 'start';
    // The flow adds one history entry (#questions) when it starts, so the browser's Back button moves back a
    // screen instead of leaving the page and losing the answers.
    var ownsHistoryEntry = false;

    // The checklist (the no-JavaScript form of the questions) is long: with the flow running it sits behind a
    // disclosure button on the start page. It prints whole (candidate.css) and opens when a link targets it.
    var checklistBody = null;
    if (checklist) {
      var checklistHeading = checklist.querySelector('h2');
      if (checklistHeading) {
        checklistBody = el('div', { 'class': 'candidate-checklist__body', id: 'candidate-checklist-body' });
        while (checklistHeading.nextSibling) checklistBody.appendChild(checklistHeading.nextSibling);
        checklist.appendChild(checklistBody);
        var toggle = el('button', {
          type: 'button', 'class': 'candidate-disclosure', 'aria-expanded': 'false', 'aria-controls': checklistBody.id
        }, [checklistHeading.textContent]);
        checklistHeading.textContent = '';
        checklistHeading.appendChild(toggle);
        var setOpen = function (open) {
          checklistBody.hidden = !open;
          toggle.setAttribute('aria-expanded', String(open));
        };
        setOpen(location.hash.length > 1 && !!checklistBody.querySelector(location.hash.replace(/[^#\w-]/g, '')));
        toggle.addEventListener('click', function () { setOpen(checklistBody.hidden); });
      }
    }

    // Leaving the page (a link, the breadcrumb, closing the tab) forgets the answers: ask first while the reader
    // is between the first question and the result. The browser shows its own question; the text is not ours.
    window.addEventListener('beforeunload', function (event) {
      var step = parseStep(current);
      if ((step.screen === 'question' || step.screen === 'check') && Object.keys(answers).length > 0) {
        event.preventDefault();
        event.returnValue = '';
      }
    });

    // The breadcrumb's link to this page would reload it and lose the answers: inside the flow it goes back to the
    // start screen instead, with the answers kept.
    var selfCrumb = document.querySelector('.breadcrumbs a[aria-current="page"]');
    if (selfCrumb) {
      selfCrumb.addEventListener('click', function (event) {
        if (current === 'start' || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        go('start');
      });
    }

    var startLink = document.querySelector('[data-candidate-start]');
    if (startLink) {
      startLink.hidden = false;
      var link = startLink.querySelector('a');
      if (link) {
        link.setAttribute('href', '#questions');
        link.setAttribute('data-go', stepForQuestion(q.items[0]));
      }
    }

    function stepForQuestion(item) { return 'question-' + item.linkId; }

    function parseStep(key) {
      if (key.indexOf('question-') === 0) {
        var item = findItem(q, key.slice('question-'.length));
        return item ? { screen: 'question', item: item } : { screen: 'start' };
      }
      if (key === 'check' || key === 'result') return { screen: key };
      return { screen: 'start' };
    }

    /** Where the reader may be, given the answers: a question asked so far, the next one, check, or result. */
    function allowed(step) {
      var w = walk(q, answers);
      if (step.screen === 'question') {
        if (w.next === step.item) return step;
        for (var i = 0; i < w.kept.length; i++) if (w.kept[i].item === step.item) return step;
        return w.next ? { screen: 'question', item: w.next } : { screen: 'check' };
      }
      if (step.screen === 'check' || step.screen === 'result') {
        return w.next ? { screen: 'question', item: w.next } : step;
      }
      return step;
    }

    function stepKey(step) {
      return step.screen === 'question' ? stepForQuestion(step.item) : step.screen;
    }

    function enterHistory() {
      if (ownsHistoryEntry) return;
      history.pushState({ candidate: true }, '', '#questions');
      ownsHistoryEntry = true;
    }

    function leaveHistory() {
      if (!ownsHistoryEntry) return;
      // Leave the entry in place (going back through it lands on the start page) but drop the fragment.
      history.replaceState(null, '', location.pathname + location.search);
      ownsHistoryEntry = false;
    }

    function go(key) {
      if (key === 'start') leaveHistory();
      else enterHistory();
      current = key;
      render();
    }

    /** Where Back leads from the screen on show: the previous question asked, or Check your answers. */
    function backTarget() {
      var step = parseStep(current);
      if (step.screen === 'question') return previousStep(step.item);
      if (step.screen === 'result') return 'check';
      if (step.screen === 'check') {
        var w = walk(q, answers);
        return w.kept.length ? stepForQuestion(w.kept[w.kept.length - 1].item) : 'start';
      }
      return 'start';
    }

    function render() {
      var step = allowed(parseStep(current));
      current = stepKey(step);
      app.textContent = '';
      if (step.screen === 'start') {
        returnToCheck = false;
        app.hidden = true;
        intro.hidden = false;
        if (checklist) checklist.hidden = false;
        document.title = baseTitle;
        var introHeading = intro.querySelector('h1');
        if (!firstRender && introHeading) {
          introHeading.setAttribute('tabindex', '-1');
          introHeading.focus();
        }
        firstRender = false;
        return;
      }
      firstRender = false;
      intro.hidden = true;
      if (checklist) checklist.hidden = true;
      app.hidden = false;
      var heading;
      if (step.screen === 'question') heading = renderQuestion(step.item);
      else if (step.screen === 'check') heading = renderCheck();
      else heading = renderResult();
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    }

    /** A link to another screen: a real link for keyboard and screen readers, handled here so the URL stays put. */
    function stepLink(key, attrs, children) {
      attrs = attrs || {};
      attrs.href = '#questions';
      attrs['data-go'] = key;
      return el('a', attrs, children);
    }

    function backLink(key) {
      return stepLink(key, { 'class': 'candidate-back-link', text: 'Back' });
    }

    function previousStep(item) {
      var w = walk(q, answers);
      var before = null;
      for (var i = 0; i < w.kept.length; i++) {
        if (w.kept[i].item === item) break;
        before = w.kept[i].item;
      }
      if (returnToCheck && w.next === null) return 'check';
      return before ? stepForQuestion(before) : 'start';
    }

    function keptBefore(item) {
      var w = walk(q, answers);
      var out = [];
      for (var i = 0; i < w.kept.length && w.kept[i].item !== item; i++) out.push(w.kept[i]);
      return out;
    }

    function renderQuestion(item) {
      var p = progress(q, keptBefore(item), item);
      var idBase = 'candidate-' + item.linkId;
      var caption = 'Question ' + p.number + ' of up to ' + p.upTo;
      document.title = caption + ': ' + item.text + ' – ' + baseTitle;

      // Each question's own message from questionnaire.yml ("Select if you have epilepsy"), as GOV.UK does.
      var errorText = item.error || 'Select an answer to continue';
      var errorSummary = el('div', {
        'class': 'candidate-error-summary', role: 'alert', tabindex: '-1', hidden: true,
        'aria-labelledby': idBase + '-error-title'
      }, [
        el('h2', { id: idBase + '-error-title', 'class': 'candidate-error-summary__title', text: 'There is a problem' }),
        el('ul', { 'class': 'candidate-error-summary__list' }, [
          el('li', null, [el('a', { href: '#' + idBase + '-' + item.options[0].code, text: errorText })])
        ])
      ]);
      var errorMessage = el('p', { id: idBase + '-error', 'class': 'candidate-error-message', hidden: true }, [
        visuallyHidden('Error: '), errorText
      ]);

      var heading = el('h1', { 'class': 'candidate-heading', text: item.text });
      var radios = el('div', { 'class': 'candidate-radios' }, item.options.map(function (option) {
        var id = idBase + '-' + option.code;
        return el('div', { 'class': 'candidate-radio' }, [
          el('input', {
            type: 'radio', id: id, name: 'answer', value: option.code, 'class': 'candidate-radio__input',
            checked: answers[item.linkId] === option.code
          }),
          el('label', { 'for': id, 'class': 'candidate-radio__label', text: option.text })
        ]);
      }));

      var help = item.helpHtml
        ? el('details', { 'class': 'candidate-help' }, [
          el('summary', { 'class': 'candidate-help__summary', text: 'Why we ask' }),
          el('div', { 'class': 'candidate-help__text', id: idBase + '-help', html: item.helpHtml })
        ])
        : null;

      var fieldset = el('fieldset', { 'class': 'candidate-fieldset', 'aria-describedby': null }, [
        el('legend', { 'class': 'candidate-legend' }, [
          el('span', { 'class': 'candidate-caption', text: caption }),
          heading
        ]),
        errorMessage,
        radios
      ]);

      var form = el('form', { 'class': 'candidate-form', novalidate: true, 'data-question': item.linkId }, [
        el('div', { 'class': 'candidate-form-group' }, [fieldset]),
        help,
        el('button', { type: 'submit', 'class': 'candidate-button', 'data-action': 'continue', text: 'Continue' })
      ]);

      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var chosen = form.querySelector('input[name="answer"]:checked');
        if (!chosen) {
          errorSummary.hidden = false;
          errorMessage.hidden = false;
          form.firstChild.classList.add('candidate-form-group--error');
          fieldset.setAttribute('aria-describedby', idBase + '-error');
          document.title = 'Error: ' + document.title.replace(/^Error: /, '');
          errorSummary.focus();
          return;
        }
        // Other answers are kept even when skip logic drops their questions, so changing back restores them.
        answers[item.linkId] = chosen.value;
        var w = walk(q, answers);
        if (returnToCheck || w.next === null) {
          // After a Change: ask only what skip logic newly needs, then back to Check your answers.
          go(w.next === null ? 'check' : stepForQuestion(w.next));
          return;
        }
        // Otherwise the next question in order, even if it was answered before (after Back): its answer is kept.
        var position = -1;
        for (var i = 0; i < w.kept.length; i++) if (w.kept[i].item === item) position = i;
        var following = position >= 0 && position + 1 < w.kept.length ? w.kept[position + 1].item : w.next;
        go(stepForQuestion(following));
      });

      errorSummary.querySelector('a').addEventListener('click', function (event) {
        event.preventDefault();
        var first = form.querySelector('input[name="answer"]');
        if (first) first.focus();
      });

      app.appendChild(backLink(previousStep(item)));
      app.appendChild(errorSummary);
      app.appendChild(form);
      return heading;
    }

    function answerText(item, code) {
      var option = findOption(item, code);
      return option ? option.text : code;
    }

    function answersList(w, withChangeLinks) {
      return el('dl', { 'class': 'candidate-summary-list' }, w.kept.map(function (k) {
        var row = el('div', { 'class': 'candidate-summary-list__row', 'data-answer': k.item.linkId }, [
          el('dt', { 'class': 'candidate-summary-list__key', text: k.item.text }),
          el('dd', { 'class': 'candidate-summary-list__value', text: answerText(k.item, k.code) })
        ]);
        if (withChangeLinks) {
          var change = stepLink(stepForQuestion(k.item), { 'class': 'candidate-change', 'data-change': k.item.linkId }, [
            'Change', visuallyHidden(' your answer to: ' + k.item.text)
          ]);
          change.addEventListener('click', function () { returnToCheck = true; });
          row.appendChild(el('dd', { 'class': 'candidate-summary-list__actions' }, [change]));
        }
        return row;
      }));
    }

    function renderCheck() {
      var w = walk(q, answers);
      returnToCheck = false;
      document.title = 'Check your answers – ' + baseTitle;
      var heading = el('h1', { 'class': 'candidate-heading', text: 'Check your answers' });
      var last = w.kept.length ? stepForQuestion(w.kept[w.kept.length - 1].item) : 'start';
      app.appendChild(backLink(last));
      app.appendChild(el('div', { 'class': 'candidate-check' }, [
        heading,
        el('p', { text: 'You can change any answer. Questions that no longer apply are left out, and any new ones are asked.' }),
        answersList(w, true),
        stepLink('result', { 'class': 'candidate-button', 'data-action': 'see-result', text: 'See your result', draggable: 'false' })
      ]));
      return heading;
    }

    function today() {
      var now = new Date();
      var text;
      try {
        text = now.toLocaleDateString(document.documentElement.lang || 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
      } catch (e) {
        text = now.toDateString();
      }
      var iso = now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0') + '-' + String(now.getDate()).padStart(2, '0');
      return el('time', { datetime: iso, text: text });
    }

    function renderResult() {
      var w = walk(q, answers);
      var result = evaluate(q, w.answers);
      if (!result) {
        // The build proves every path reaches an outcome; this is a guard, not a result.
        var h = el('h1', { 'class': 'candidate-heading', text: 'Something went wrong' });
        app.appendChild(el('div', { 'class': 'candidate-result' }, [h, el('p', { text: 'Please use the checklist on the start page instead.' })]));
        return h;
      }
      var outcome = result.outcome;
      document.title = outcome.title + ' – ' + baseTitle;
      var heading = el('h1', { 'class': 'candidate-heading', id: 'candidate-result-title', text: outcome.title });

      var reasons = el('ul', { 'class': 'candidate-reasons' }, result.reasons.map(function (r) {
        return el('li', { 'data-reason': r.linkId }, [
          el('span', { text: r.text }),
          r.lookAgain ? el('span', { 'class': 'candidate-look-again' }, [el('strong', { text: 'When to look again: ' }), r.lookAgain]) : null
        ]);
      }));

      var section = el('div', {
        'class': 'candidate-result candidate-result--' + outcome.kind,
        'data-outcome-kind': outcome.kind,
        'data-outcome-id': outcome.id,
        'aria-labelledby': 'candidate-result-title'
      }, [
        el('p', { 'class': 'candidate-tag candidate-tag--' + outcome.kind }, [visuallyHidden('Result: '), outcome.kindLabel]),
        heading,
        el('div', { 'class': 'candidate-result__body', html: outcome.bodyHtml }),
        el('h2', { text: 'Why you got this result' }),
        reasons,
        result.notes.length
          ? el('div', { 'class': 'candidate-notes' }, [
            el('h2', { text: 'Also tell the doctor' }),
            el('ul', null, result.notes.map(function (n) { return el('li', { text: n.text }); }))
          ])
          : null,
        outcome.nextSteps.length
          ? el('div', { 'class': 'candidate-next-steps' }, [
            el('h2', { text: 'What you can do next' }),
            el('ul', null, outcome.nextSteps.map(function (s) { return el('li', { text: s }); }))
          ])
          : null,
        outcome.links.length
          ? el('div', { 'class': 'candidate-links' }, [
            el('h2', { text: 'Read more' }),
            el('ul', null, outcome.links.map(function (l) { return el('li', null, [el('a', { href: l.url, text: l.text })]); }))
          ])
          : null,
        el('div', { 'class': 'candidate-print-summary' }, [
          el('h2', { text: 'Your answers' }),
          answersList(w, false),
          el('p', { 'class': 'candidate-date' }, [
            'Summary made on ', today(), ' with the questionnaire at ', location.host ? location.host + location.pathname : location.pathname,
            '. It is general information, not a diagnosis.'
          ])
        ]),
        el('div', { 'class': 'candidate-actions' }, [
          el('button', { type: 'button', 'class': 'candidate-button', 'data-action': 'print', text: 'Print or save this summary for your doctor' }),
          el('p', null, [stepLink('check', { 'data-action': 'change-answers', text: 'Change your answers' })]),
          el('p', null, [stepLink('start', { 'data-action': 'start-again', text: 'Start again' })])
        ])
      ]);

      section.querySelector('[data-action="print"]').addEventListener('click', function () { window.print(); });
      section.querySelector('[data-action="start-again"]').addEventListener('click', function () {
        answers = {};
        returnToCheck = false;
      });

      app.appendChild(backLink('check'));
      app.appendChild(section);
      return heading;
    }

    // One listener for every link between screens; links' own listeners (Change, Start again) have run first.
    document.addEventListener('click', function (event) {
      if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      var target = event.target.closest ? event.target.closest('a[data-go]') : null;
      if (!target || !root.contains(target)) return;
      event.preventDefault();
      go(target.getAttribute('data-go'));
    });

    // The browser's Back button: one screen back, and keep an entry so the next Back stays here too.
    window.addEventListener('popstate', function () {
      ownsHistoryEntry = false;
      if (current === 'start') return;
      go(backTarget());
    });

    // Answers do not survive a reload, so a fragment left by the flow starts over on the start page.
    if (location.hash === '#questions') history.replaceState(null, '', location.pathname + location.search);
    render();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(typeof globalThis !== 'undefined' ? globalThis : this);
