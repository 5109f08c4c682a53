// The printable expert conclusion (экспертное заключение, ?id=): programme, standard, each row with each expert's
// decision and comment, the row's and the set's conclusion, proposals, and places for signatures. The same content
// as the XLSX document (GET /api/expertises/{id}/conclusion?format=xlsx).
(function () {
    'use strict';
    const {$, el, call, date, deadline, decisionText, page, CONCLUSION} = window.Expertise;

    function rows(c) {
        const experts = c.expertise.experts;
        $('doc-rows').tHead.replaceChildren(el('tr', {}, el('th', {}, '№'), el('th', {}, 'ТФ / элемент'),
            el('th', {}, 'Результат освоения'), el('th', {}, 'Тип, вес'),
            ...experts.map((e) => el('th', {}, e.name)), el('th', {}, 'Заключение')));
        $('doc-rows').tBodies[0].replaceChildren(...c.rows.map((r, i) => {
            const m = r.row;
            const byExpert = experts.map((e) => {
                const d = r.decisions.find((x) => x.organisation === e.organisation);
                return el('td', {'data-verdict': d ? d.verdict : ''}, d ? decisionText(d) : '—');
            });
            return el('tr', {'data-mapping': m.mappingId, 'data-conclusion': r.conclusion},
                el('td', {}, String(i + 1)),
                el('td', {}, `${m.functionCode} ${m.functionName}`, m.elementKey ? ` (${m.elementKey})` : ''),
                el('td', {}, `${m.outcomeCode} ${m.outcomeName}`),
                el('td', {}, `${m.type}, ${m.weight}${m.critical ? ', критичная' : ''}`),
                ...byExpert, el('td', {class: 'conclusion'}, CONCLUSION[r.conclusion]));
        }));
    }

    function proposals(c) {
        $('doc-proposals-section').hidden = c.proposals.length === 0;
        $('doc-proposals').tBodies[0].replaceChildren(...c.proposals.map((p) => el('tr', {},
            el('td', {}, p.organisationName),
            el('td', {}, p.kind === 'MISSING_ROW' ? 'недостающая связь' : 'непокрытая ТФ'),
            el('td', {}, p.functionCode + (p.elementKey ? ' ' + p.elementKey : '')),
            el('td', {}, p.outcomeCode || '—'),
            el('td', {}, p.type ? `${p.type}, ${p.weight}` : '—'),
            el('td', {}, p.comment || ''))));
    }

    function signatures(c) {
        const line = (who, note) => el('div', {class: 'signature'}, el('div', {}, who),
            el('div', {class: 'hint'}, note), el('div', {class: 'line'}, 'Подпись ____________________ / ____________________ /   дата ____________'));
        $('doc-signatures').replaceChildren(...c.expertise.experts.map((e) => line('Эксперт: ' + e.name,
            e.submittedAt ? `отзыв представлен ${date(e.submittedAt)}` : 'отзыв не представлен')),
        line('От образовательной организации: ' + c.expertise.college, 'М. П.'));
    }

    let wired = false;
    page(async (id) => {
        if (!wired) {
            wired = true;
            $('print').addEventListener('click', () => window.print());
        }
        if (!id) {
            throw new Error('Не указана экспертиза: откройте страницу из списка экспертиз.');
        }
        const c = await call('GET', `/api/expertises/${encodeURIComponent(id)}/conclusion`);
        const s = c.expertise;
        document.title = `Экспертное заключение № ${s.id} — workready`;
        $('doc-title').textContent = `ЭКСПЕРТНОЕ ЗАКЛЮЧЕНИЕ № ${s.id}`;
        $('doc-programme').textContent = `${s.fgosCode} «${s.programmeName}», колледж ${s.college}, набор ${s.intakeYear}`;
        $('doc-standard').textContent = `${s.standardCode} «${s.standardName}» (приказ ${s.orderNumber})`;
        $('doc-version').textContent = String(s.mappingVersion);
        $('doc-submitted').textContent = `${date(s.submittedAt)} (${s.submittedBy}), срок ${deadline(s)}`;
        $('doc-experts').textContent = s.experts.map((e) => e.name).join('; ');
        $('doc-rule').textContent = 'строка одобрена, если ни один эксперт не возражает и согласны не менее ' +
            s.minAgreements + '; оспорена, если хотя бы один возражает; иначе — предложены изменения, если ' +
            'кто-либо предлагает другой тип, вес или критичность';
        rows(c);
        proposals(c);
        $('doc-conclusion').textContent = `Сопоставление: ${CONCLUSION[c.set]}` +
            (c.fin ? (s.endedAt ? ` (экспертиза завершена ${date(s.endedAt)})` : '') : ' — экспертиза не завершена, заключение предварительное');
        $('doc-conclusion').dataset.conclusion = c.set;
        signatures(c);
        $('document').hidden = false;
    });
})();
