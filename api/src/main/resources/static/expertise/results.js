// The college's view of an expertise's results (?id=): the conclusion per row and per set, each expert's decision,
// the proposals, the answer (ACCEPT / KEEP with a reply per disputed row and proposal) and the XLSX document.
(function () {
    'use strict';
    const {$, el, call, download, showError, date, describe, deadline, decisionText, page, CONCLUSION, STATUS} =
        window.Expertise;
    const NEEDS_ANSWER = ['DISPUTED', 'CHANGES_PROPOSED'];
    let conclusion = null;

    function answerControls(kind, id, proposers) {
        const action = el('select', {name: 'action'}, el('option', {value: ''}, '—'),
            el('option', {value: 'ACCEPT'}, 'принять'), el('option', {value: 'KEEP'}, 'оставить'));
        const from = proposers.length > 1 ? el('select', {name: 'from'}, ...proposers.map((d) =>
            el('option', {value: d.organisation}, `предложение: ${d.organisationName}`))) : '';
        const reply = el('input', {name: 'reply', placeholder: 'ответ эксперту'});
        return el('div', {class: 'answer-controls', 'data-kind': kind, 'data-id': id}, action, from, reply);
    }

    function row(r) {
        const m = r.row;
        const proposers = r.decisions.filter((d) => d.verdict === 'PROPOSE');
        const open = conclusion.fin && conclusion.expertise.status === 'CONCLUDED'
            && NEEDS_ANSWER.includes(r.conclusion);
        const element = m.elementKey ? el('div', {class: 'element'}, `${m.elementKey}: ${m.elementText || ''}`) : '';
        return el('tr', {'data-mapping': m.mappingId, 'data-function': m.functionCode, 'data-conclusion': r.conclusion},
            el('td', {}, el('b', {}, m.functionCode), ' ', m.functionName, element),
            el('td', {}, el('b', {}, m.outcomeCode), ' ', m.outcomeName),
            el('td', {}, `${m.type} · вес ${m.weight}${m.critical ? ' · критичная' : ''}`),
            el('td', {}, el('ul', {class: 'decisions'}, ...r.decisions.map((d) =>
                el('li', {'data-verdict': d.verdict}, el('b', {}, d.organisationName + ': '), decisionText(d))))),
            el('td', {class: 'conclusion'}, CONCLUSION[r.conclusion]),
            el('td', {class: 'answer'}, open ? answerControls('row', m.mappingId, proposers) : ''));
    }

    function proposal(p) {
        const open = conclusion.fin && conclusion.expertise.status === 'CONCLUDED';
        const what = p.kind === 'MISSING_ROW'
            ? `недостающая связь: ${p.outcomeCode} → ${p.functionCode}${p.elementKey ? ' ' + p.elementKey : ''}, ` +
              `${p.type}, вес ${p.weight}${p.critical ? ', критичная' : ''}`
            : `ТФ ${p.functionCode} «${p.functionName}» следует покрыть`;
        return el('li', {'data-proposal': p.id, 'data-kind': p.kind}, el('b', {}, p.organisationName + ': '), what,
            p.comment ? ` — ${p.comment}` : '', open ? answerControls('proposal', p.id, []) : '');
    }

    async function answer() {
        const rows = [];
        const proposals = [];
        document.querySelectorAll('.answer-controls').forEach((c) => {
            const action = c.querySelector('[name=action]').value;
            if (!action) {
                return;
            }
            const reply = c.querySelector('[name=reply]').value.trim() || null;
            if (c.dataset.kind === 'row') {
                const from = c.querySelector('[name=from]');
                rows.push({mappingId: Number(c.dataset.id), action: action, reply: reply, from: from ? from.value : null});
            } else {
                proposals.push({proposalId: Number(c.dataset.id), action: action, reply: reply});
            }
        });
        const f = new FormData($('answer'));
        try {
            const done = await call('POST', `/api/expertises/${conclusion.expertise.id}/answer`, {
                author: (f.get('author') || '').toString().trim() || null,
                reason: (f.get('reason') || '').toString().trim() || null, rows: rows, proposals: proposals});
            $('answer-message').textContent = done.newVersion
                ? `Ответ записан: создана версия сопоставления ${done.newVersion} (принято ${done.accepted}, ` +
                  `оставлено ${done.kept}).` : `Ответ записан (оставлено ${done.kept}).`;
            $('answer-message').dataset.answered = 'true';
            await load(conclusion.expertise.id);
        } catch (e) {
            $('answer-message').textContent = 'Ответ не записан: ' + e.message;
        }
    }

    async function load(id) {
        conclusion = await call('GET', `/api/expertises/${encodeURIComponent(id)}/conclusion`);
        const s = conclusion.expertise;
        $('results-section').hidden = false;
        $('results-title').textContent = `Экспертиза № ${s.id}`;
        $('summary').textContent = `${describe(s)}. Срок: ${deadline(s)}. Состояние: ${STATUS[s.status]}` +
            (s.endedAt ? ` (завершена ${date(s.endedAt)})` : '') + '. Эксперты: ' + s.experts.map((e) =>
            e.name + (e.submittedAt ? ` — отзыв от ${date(e.submittedAt)}` : ' — отзыва нет')).join('; ') + '.';
        $('set-conclusion').textContent = CONCLUSION[conclusion.set];
        $('set-conclusion').dataset.conclusion = conclusion.set;
        $('preview').textContent = conclusion.fin ? '' : '(предварительно: экспертиза ещё идёт)';
        $('conclusion-rows').tBodies[0].replaceChildren(...conclusion.rows.map(row));
        $('proposals').replaceChildren(...(conclusion.proposals.length ? conclusion.proposals.map(proposal)
            : [el('li', {class: 'hint'}, 'Предложений нет.')]));
        $('answer').hidden = !(conclusion.fin && s.status === 'CONCLUDED');
        $('print-link').href = `conclusion.html?id=${s.id}`;
    }

    let wired = false;
    page(async (id) => {
        if (!wired) {
            wired = true;
            $('answer').addEventListener('submit', (e) => { e.preventDefault(); answer(); });
            $('xlsx').addEventListener('click', (e) => {
                e.preventDefault();
                download(`/api/expertises/${conclusion.expertise.id}/conclusion?format=xlsx`,
                    `expertise-${conclusion.expertise.id}.xlsx`).catch((x) => showError('Не удалось скачать: ' + x.message));
            });
        }
        if (!id) {
            showError('Не указана экспертиза: откройте страницу из списка экспертиз.');
            return;
        }
        await load(id);
    });
})();
