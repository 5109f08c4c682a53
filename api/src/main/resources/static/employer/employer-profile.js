// The job profile editor: ТФ picked from a standard's tree (ОТФ → ТФ) with a search, each with importance 1–5,
// a must-have flag and a minimum level. Saving sends the whole profile (create, or replace when editing).
(function () {
    'use strict';
    const {$, el} = WR;

    let editing = null; // the code of the profile being edited, null for a new one
    const chosen = new Map(); // "06.001 A/01.3" → {standard, function, name, importance, mustHave, minLevel}

    const keyOf = (standard, code) => `${standard} ${code}`;

    function drawChosen() {
        $('editor-count').textContent = chosen.size;
        $('editor-chosen').replaceChildren(...[...chosen.values()].map((f) => el('li', {'data-function': f.function},
            `${f.standard} ${f.function} ${f.name} — важность ${f.importance}`
            + (f.mustHave ? ', обязательно' : '') + (f.minLevel ? `, минимум «${WR.LEVELS[f.minLevel][0]}»` : ''))));
    }

    /** One ТФ of the tree: a checkbox with its label, then its settings, enabled once it is chosen. */
    function functionRow(standard, f) {
        const k = keyOf(standard, f.code);
        const id = 'tf-' + f.code.replace(/[^A-Za-z0-9]/g, '-');
        const entry = () => chosen.get(k);
        const pick = el('input', {type: 'checkbox', id: id, checked: chosen.has(k), 'data-function': f.code});
        const importance = el('select', {'aria-label': `Важность ${f.code}`, 'data-importance': f.code},
            [1, 2, 3, 4, 5].map((n) => el('option', {value: n, selected: (entry() ? entry().importance : 3) === n}, n)));
        const must = el('input', {type: 'checkbox', 'aria-label': `Обязательно ${f.code}`, 'data-must': f.code,
            checked: !!(entry() && entry().mustHave)});
        const min = el('select', {'aria-label': `Минимальный уровень ${f.code}`},
            el('option', {value: ''}, 'готов'), el('option', {value: 'PARTIALLY_READY',
                selected: !!(entry() && entry().minLevel === 'PARTIALLY_READY')}, 'частично готов'));
        const sync = () => {
            [importance, must, min].forEach((c) => { c.disabled = !pick.checked; });
            if (pick.checked) {
                chosen.set(k, {standard: standard, function: f.code, name: f.name, importance: Number(importance.value),
                    mustHave: must.checked, minLevel: min.value || null});
            } else {
                chosen.delete(k);
            }
            drawChosen();
        };
        [pick, importance, must, min].forEach((c) => c.addEventListener('change', sync));
        [importance, must, min].forEach((c) => { c.disabled = !pick.checked; });
        return el('div', {class: 'tf', 'data-search': `${f.code} ${f.name}`.toLowerCase()},
            el('label', {class: 'inline', for: id}, pick, el('b', {}, f.code), ' ', f.name),
            el('span', {class: 'settings'}, el('label', {class: 'inline'}, 'важность', importance),
                el('label', {class: 'inline'}, must, 'обязательно'), el('label', {class: 'inline'}, 'минимум', min)));
    }

    async function tree() {
        const s = Employer.standards.find((x) => String(x.id) === $('editor-standard').value);
        const d = await WR.get(`/api/standards/${s.id}`);
        $('tree').replaceChildren(...d.generalizedFunctions.map((g) => el('fieldset', {'data-generalized': g.code},
            el('legend', {}, `ОТФ ${g.code} ${g.name} (уровень ${g.qualificationLevel})`),
            g.functions.map((f) => functionRow(s.code, f)))));
        filter();
    }

    function filter() {
        const q = $('editor-search').value.trim().toLowerCase();
        document.querySelectorAll('#tree .tf').forEach((row) => { row.hidden = !!q && !row.dataset.search.includes(q); });
        document.querySelectorAll('#tree fieldset').forEach((fs) => {
            fs.hidden = ![...fs.querySelectorAll('.tf')].some((r) => !r.hidden);
        });
    }

    async function open(profile) {
        editing = profile ? profile.code : null;
        chosen.clear();
        (profile ? profile.functions : []).forEach((f) => chosen.set(keyOf(f.standard, f.function),
            {standard: f.standard, function: f.function, name: f.name, importance: f.importance,
                mustHave: f.mustHave, minLevel: f.minLevel || null}));
        $('editor').hidden = false;
        $('editor-title').textContent = profile ? `Профиль «${profile.name}»` : 'Новый профиль';
        $('editor-code').value = profile ? profile.code : '';
        $('editor-code').disabled = !!profile;
        $('editor-name').value = profile ? profile.name : '';
        $('editor-error').hidden = true;
        $('editor-problems').replaceChildren();
        drawChosen();
        await tree();
        $('editor-code').disabled ? $('editor-name').focus() : $('editor-code').focus();
    }

    async function save() {
        $('editor-error').hidden = true;
        $('editor-problems').replaceChildren();
        const body = {code: $('editor-code').value.trim(), name: $('editor-name').value.trim(),
            functions: [...chosen.values()].map((f) => ({standard: f.standard, function: f.function,
                importance: f.importance, mustHave: f.mustHave, minLevel: f.minLevel}))};
        const base = `/api/employers/${encodeURIComponent(Employer.code)}/profiles`;
        try {
            const saved = editing ? await WR.api('PUT', `${base}/${encodeURIComponent(editing)}`, body)
                : await WR.api('POST', base, body);
            document.body.dataset.profileReady = 'false';
            $('editor').hidden = true;
            await Employer.loadProfiles(saved.code);
            $('profile').focus();
        } catch (e) {
            WR.fail('editor-error', 'Профиль не сохранён', e);
            $('editor-problems').replaceChildren(el('ul', {}, e.problems.map((p) =>
                el('li', {}, `${p.column || ''} ${p.value == null ? '' : '«' + p.value + '»'}: ${p.reason}`))));
        }
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('profile-new').addEventListener('click', () => open(null));
        $('profile-edit').addEventListener('click', () => open(Employer.current()));
        $('editor-cancel').addEventListener('click', () => { $('editor').hidden = true; });
        $('editor-save').addEventListener('click', save);
        $('editor-form').addEventListener('submit', (e) => e.preventDefault());
        $('editor-search').addEventListener('input', filter);
        $('editor-standard').addEventListener('change', tree);
        document.addEventListener('workready:standards', () => {
            $('editor-standard').replaceChildren(...Employer.standards.map((s) => el('option', {value: s.id},
                `${s.code} «${s.name}» (приказ ${s.orderNumber})`)));
        });
    });
})();
