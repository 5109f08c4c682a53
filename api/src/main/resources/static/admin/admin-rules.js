// The administrator's page, part two: importing Ministry XML standards (the new edition's differences shown) and
// rule sets — the list, the level changes a version would make for a college, activation and roll-back.
(function () {
    'use strict';
    const {$, el} = WR;
    const SCOPE = {DEFAULT: 'по умолчанию', REGION: 'регион', COLLEGE: 'колледж'};
    const SOURCE = {SHIPPED: 'поставляется с системой', UPLOADED: 'загружен'};

    const scopeText = (s) => s.split(':').map((p, i) => (i === 0 ? SCOPE[p] || p : p)).join(' ');

    async function loadStandards() {
        const list = await WR.get('/api/standards');
        WR.table('standards', ['Код', 'Наименование', 'Приказ', 'Утверждён', 'ОТФ', 'ТФ', 'Действующая редакция'],
            list.map((s) => el('tr', {'data-standard': s.id}, el('td', {}, s.code), el('td', {}, s.name),
                el('td', {}, s.orderNumber), el('td', {}, WR.date(s.approvalDate)),
                el('td', {class: 'num'}, s.generalizedFunctions), el('td', {class: 'num'}, s.labourFunctions),
                el('td', {}, s.current ? 'да' : 'нет'))));
    }

    function diff(d) {
        if (!d) {
            return el('p', {class: 'hint'}, 'Первая редакция этого стандарта: сравнивать не с чем.');
        }
        const list = (title, items) => (items.length ? [el('h4', {}, `${title} (${items.length})`),
            el('ul', {}, items.map((i) => el('li', {}, i)))] : []);
        return el('div', {class: 'diff'},
            el('p', {}, `Сравнение с редакцией приказа ${d.comparedWithOrderNumber} от ${WR.date(d.comparedWithApprovalDate)}: `
                + `без изменений ТФ — ${d.unchanged}.`),
            list('Добавлены ТФ', d.added), list('Удалены ТФ', d.removed),
            list('Переименованы ТФ', d.renamed.map((r) => `${r.code}: «${r.oldName}» → «${r.newName}»`)),
            list('Изменён состав действий, умений, знаний', d.elementsChanged),
            list('Сопоставления программ, которые нужно пересмотреть',
                d.mappingsToReview.map((m) => `программа № ${m.programmeId}, версия сопоставления ${m.version}`)));
    }

    async function importStandard(e) {
        e.preventDefault();
        $('standard-error').hidden = true;
        const file = $('standard-file').files[0];
        if (!file) {
            return;
        }
        try {
            const result = await WR.api('POST', '/api/standards', file, 'application/xml');
            $('standard-result').replaceChildren(...result.map((s) => el('div', {class: 'imported', 'data-status': s.status},
                el('h3', {}, `${s.code} «${s.name}», приказ ${s.orderNumber} от ${WR.date(s.approvalDate)}: `
                    + (s.status === 'CREATED' ? 'новая редакция сохранена' : 'уже была загружена, ничего не изменено')),
                s.status === 'CREATED' ? diff(s.diff) : '')));
            $('standard-form').reset();
            await loadStandards();
        } catch (err) {
            WR.fail('standard-error', 'Стандарт не импортирован', err);
        }
    }

    async function loadRules() {
        const [versions, active] = await Promise.all([WR.get('/api/rule-sets'), WR.get('/api/rule-sets/active')]);
        WR.table('rule-sets', ['Версия', 'Описание', 'Источник', 'Создана', 'Тестов', 'Действует'], versions.map((v) =>
            el('tr', {'data-label': v.label}, el('td', {}, v.label), el('td', {}, v.description || ''),
                el('td', {}, SOURCE[v.source] || v.source), el('td', {}, WR.date(v.createdAt)),
                el('td', {class: 'num'}, v.testCases), el('td', {}, v.activeIn.map(scopeText).join(', ') || '—'))));
        $('active-rules').textContent = 'Сейчас действуют: ' + active.map((a) => `${scopeText(a.scope)} — ${a.ruleSet} `
            + `(с ${WR.date(a.activatedAt)})`).join('; ');
        const chosen = $('rules-version').value;
        $('rules-version').replaceChildren(...versions.map((v) => el('option', {value: `${v.name}/${v.version}`},
            v.label)));
        if (chosen) {
            $('rules-version').value = chosen;
        }
    }

    async function preview(e) {
        e.preventDefault();
        $('rules-error').hidden = true;
        const q = new URLSearchParams({college: $('rules-college').value.trim()});
        if ($('rules-standard').value.trim()) {
            q.set('standard', $('rules-standard').value.trim());
        }
        const [name, version] = $('rules-version').value.split('/');
        try {
            const p = await WR.get(`/api/rule-sets/${encodeURIComponent(name)}/versions/${version}/preview?${q}`);
            const rows = p.changes.slice(0, 200).map((c) => el('tr', {}, el('td', {}, c.studentId), el('td', {}, c.function),
                el('td', {}, WR.level(c.from), ' → ', WR.level(c.to)),
                el('td', {class: 'num'}, `${WR.percent(c.readinessFrom)} → ${WR.percent(c.readinessTo)}`)));
            $('rules-preview-result').replaceChildren(
                el('p', {id: 'rules-preview-summary', 'data-changed': p.changed}, `${p.candidate} для ${scopeText(p.scope)}: `
                    + `студентов ${WR.number(p.students, 0)}, оценок ТФ ${WR.number(p.functions, 0)}, изменится уровень у `
                    + `${WR.number(p.changed, 0)} (сейчас действует ${p.activeVersions.join(', ')}).`),
                Object.keys(p.transitions).length ? el('ul', {}, Object.entries(p.transitions).map(([t, n]) =>
                    el('li', {}, `${t.split(' → ').map((l) => WR.LEVELS[l] ? WR.LEVELS[l][0] : l).join(' → ')}: ${n}`))) : '',
                rows.length ? el('div', {class: 'scroll'}, WR.table(el('table', {}), ['Студент', 'ТФ', 'Уровень',
                    'Готовность'], rows)) : '',
                p.changes.length > 200 || p.changesTruncated ? el('p', {class: 'hint'}, 'Показаны первые 200 изменений.') : '');
            if (!$('rules-code').value) {
                $('rules-code').value = $('rules-college').value.trim();
            }
        } catch (err) {
            WR.fail('rules-error', 'Предпросмотр не выполнен', err);
        }
    }

    async function scoped(url) {
        $('rules-error').hidden = true;
        const q = new URLSearchParams({scope: $('rules-scope').value});
        if ($('rules-scope').value !== 'DEFAULT') {
            q.set('code', $('rules-code').value.trim());
        }
        try {
            await WR.api('POST', `${url}?${q}`);
            await loadRules();
        } catch (err) {
            WR.fail('rules-error', 'Не выполнено', err);
        }
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('standard-form').addEventListener('submit', importStandard);
        $('rules-form').addEventListener('submit', preview);
        $('activate-form').addEventListener('submit', (e) => {
            e.preventDefault();
            const [name, version] = $('rules-version').value.split('/');
            scoped(`/api/rule-sets/${encodeURIComponent(name)}/versions/${version}/activate`);
        });
        $('rules-rollback').addEventListener('click', () => scoped('/api/rule-sets/rollback'));
    });

    window.AdminRules = {load: () => Promise.all([loadStandards(), loadRules()])};
})();
