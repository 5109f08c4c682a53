// The expert's review page: my expertises, then the rows of one (?id=) with my decision on each, the filters
// «только спорные» / «ещё не решённые», proposals of missing rows and of ТФ to cover, and the final submission.
(function () {
    'use strict';
    const {$, el, call, showError, date, describe, deadline, decisionText, page, STATUS} = window.Expertise;
    let expertise = null;
    let wired = false;

    async function list() {
        const all = await call('GET', '/api/expertises');
        $('expertises').tBodies[0].replaceChildren(...all.map((s) => el('tr', {'data-expertise': s.id},
            el('td', {}, String(s.id)), el('td', {}, describe(s)), el('td', {}, deadline(s)),
            el('td', {'data-status': s.status}, STATUS[s.status]),
            el('td', {}, el('a', {href: `index.html?id=${s.id}`, class: 'review'}, 'Рецензировать'), ' · ',
                el('a', {href: `results.html?id=${s.id}`}, 'Итоги'), ' · ',
                el('a', {href: `conclusion.html?id=${s.id}`}, 'Заключение')))));
        $('no-expertises').hidden = all.length > 0;
    }

    function filter() {
        const checked = document.querySelector('#row-filter input[name=filter]:checked');
        return checked ? checked.value : '';
    }

    async function rows() {
        const q = filter() ? `?filter=${filter()}` : '';
        const all = await call('GET', `/api/expertises/${expertise.id}/rows${q}`);
        $('rows').tBodies[0].replaceChildren(...all.map(row));
        document.body.dataset.rows = String(all.length);
    }

    function options(values, selected) {
        return values.map(([v, label]) => el('option', {value: v, selected: v === selected}, label));
    }

    function row(r) {
        const m = r.row;
        const d = r.decision;
        const open = expertise.status === 'IN_REVIEW';
        const verdict = el('select', {name: 'verdict', disabled: !open}, options([['AGREE', 'согласен'],
            ['DISAGREE', 'не согласен'], ['PROPOSE', 'предложить']], d ? d.verdict : 'AGREE'));
        const comment = el('input', {name: 'comment', placeholder: 'комментарий', value: d && d.comment || '',
            disabled: !open});
        const type = el('select', {name: 'type', disabled: !open}, options([['', 'тип —'], ['EXACT', 'EXACT'],
            ['PART_OF', 'PART_OF'], ['RELATED', 'RELATED']], d && d.proposedType || ''));
        const weight = el('input', {name: 'weight', type: 'number', min: '0.001', max: '1', step: '0.001',
            placeholder: 'вес', disabled: !open,
            value: d && d.proposedWeight !== null && d.proposedWeight !== undefined ? d.proposedWeight : ''});
        const critical = el('select', {name: 'critical', disabled: !open}, options([['', 'критичность —'],
            ['true', 'критичная'], ['false', 'не критичная']],
            d && d.proposedCritical !== null && d.proposedCritical !== undefined ? String(d.proposedCritical) : ''));
        const save = el('button', {type: 'button', class: 'save', disabled: !open}, 'Сохранить');
        const message = el('span', {class: 'row-message'});
        save.addEventListener('click', () => decide(m.mappingId, {verdict: verdict.value,
            comment: comment.value.trim() || null, type: type.value || null,
            weight: weight.value === '' ? null : Number(weight.value),
            critical: critical.value === '' ? null : critical.value === 'true'}, message));
        const element = m.elementKey ? el('div', {class: 'element'}, `${m.elementKey}: ${m.elementText || ''}`) : '';
        return el('tr', {'data-mapping': m.mappingId, 'data-function': m.functionCode, 'data-outcome': m.outcomeCode},
            el('td', {}, el('b', {}, m.outcomeCode), ' ', m.outcomeName),
            el('td', {}, el('b', {}, m.functionCode), ' ', m.functionName, element),
            el('td', {class: 'current'}, `${m.type} · вес ${m.weight}${m.critical ? ' · критичная' : ''}`),
            el('td', {class: 'decision', 'data-verdict': d ? d.verdict : ''}, decisionText(d)),
            el('td', {class: 'decide'}, verdict, comment, type, weight, critical, save, message));
    }

    async function decide(mappingId, body, message) {
        if (body.verdict !== 'PROPOSE') {
            body.type = null;
            body.weight = null;
            body.critical = null;
        }
        try {
            await call('PUT', `/api/expertises/${expertise.id}/rows/${mappingId}/decision`, body);
            showError('');
            await rows();
        } catch (e) {
            message.textContent = e.message;
            message.className = 'row-message error';
        }
    }

    async function propose(form, kind) {
        const f = new FormData(form);
        const text = (name) => (f.get(name) || '').toString().trim() || null;
        const body = {kind: kind, functionCode: text('functionCode'), comment: text('comment')};
        if (kind === 'MISSING_ROW') {
            Object.assign(body, {outcomeCode: text('outcomeCode'), element: text('element'), type: text('type'),
                weight: text('weight') === null ? null : Number(text('weight')), critical: f.get('critical') === 'on'});
        }
        try {
            await call('POST', `/api/expertises/${expertise.id}/proposals`, body);
            $('proposal-message').textContent = 'Предложение записано.';
            form.reset();
        } catch (e) {
            $('proposal-message').textContent = 'Не записано: ' + e.message;
        }
    }

    async function submit() {
        try {
            expertise = await call('POST', `/api/expertises/${expertise.id}/submit`);
            $('submit-message').textContent = 'Отзыв отправлен.';
            $('submit-message').dataset.submitted = 'true';
            show();
            await rows();
        } catch (e) {
            $('submit-message').textContent = 'Не отправлен: ' + e.message;
        }
    }

    function show() {
        $('review-title').textContent = `Экспертиза № ${expertise.id}`;
        $('summary').textContent = `${describe(expertise)}. Срок: ${deadline(expertise)}. Состояние: ` +
            `${STATUS[expertise.status]}. Эксперты: ` + expertise.experts.map((e) => e.name +
            (e.submittedAt ? ` (отзыв от ${date(e.submittedAt)})` : '')).join('; ') +
            (expertise.note ? `. Примечание: ${expertise.note}` : '');
        $('results-link').href = `results.html?id=${expertise.id}`;
        $('print-link').href = `conclusion.html?id=${expertise.id}`;
        $('submit-review').disabled = expertise.status !== 'IN_REVIEW';
    }

    function wire() {
        if (wired) {
            return;
        }
        wired = true;
        document.querySelectorAll('#row-filter input[name=filter]').forEach((i) =>
            i.addEventListener('change', () => rows().catch((e) => showError(e.message))));
        $('row-filter').addEventListener('submit', (e) => e.preventDefault());
        $('missing-row').addEventListener('submit', (e) => { e.preventDefault(); propose(e.target, 'MISSING_ROW'); });
        $('uncovered-function').addEventListener('submit', (e) => {
            e.preventDefault();
            propose(e.target, 'UNCOVERED_FUNCTION');
        });
        $('submit-review').addEventListener('click', submit);
    }

    page(async (id) => {
        wire();
        await list();
        if (id) {
            expertise = await call('GET', `/api/expertises/${encodeURIComponent(id)}`);
            $('review-section').hidden = false;
            show();
            await rows();
        }
    });
})();
