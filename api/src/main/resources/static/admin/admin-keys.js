// The administrator's page, part one: organisations and their API keys. A new key's secret is shown once, with a
// copy button; the list never shows secrets; revoking takes effect at once.
(function () {
    'use strict';
    const {$, el} = WR;
    const KIND = {COLLEGE: 'колледж', EMPLOYER: 'работодатель', REGION: 'регион', OPERATOR: 'оператор'};
    // the roles an organisation of each kind may give its keys (the API checks it too)
    const ROLES_OF = {COLLEGE: ['COLLEGE', 'CURRICULUM_DESIGNER'], EMPLOYER: ['EMPLOYER'],
        REGION: ['CURRICULUM_DESIGNER'], OPERATOR: ['ADMIN', 'CURRICULUM_DESIGNER', 'RULE_AUTHOR']};

    let organisations = [];

    function roles() {
        const o = organisations.find((x) => x.code === $('key-org').value);
        $('key-role').replaceChildren(...(o ? ROLES_OF[o.kind] : []).map((r) => el('option', {value: r}, WR.ROLES[r])));
    }

    async function loadOrganisations() {
        organisations = await WR.get('/api/organisations');
        WR.table('organisations', ['Код', 'Название', 'Вид', 'Колледж', 'Создана'], organisations.map((o) =>
            el('tr', {'data-organisation': o.code}, el('td', {}, o.code), el('td', {}, o.name),
                el('td', {}, KIND[o.kind] || o.kind), el('td', {}, o.college || '—'), el('td', {}, WR.date(o.createdAt)))));
        const chosen = $('key-org').value;
        $('key-org').replaceChildren(...organisations.map((o) => el('option', {value: o.code}, `${o.name} (${o.code})`)));
        if (chosen) {
            $('key-org').value = chosen;
        }
        roles();
    }

    async function revoke(k) {
        if (!window.confirm(`Отозвать ключ ${k.prefix}… («${k.name}»)? Запросы с ним сразу перестанут приниматься.`)) {
            return;
        }
        try {
            await WR.api('DELETE', `/api/keys/${k.id}`);
            await loadKeys();
        } catch (e) {
            WR.fail('key-error', 'Ключ не отозван', e);
        }
    }

    async function loadKeys() {
        const keys = await WR.get('/api/keys');
        WR.table('keys', ['№', 'Начало ключа', 'Организация', 'Роль', 'Назначение', 'Выдан', 'Действует до', 'Отозван', ''],
            keys.map((k) => el('tr', {'data-key': k.id, 'data-revoked': !!k.revokedAt},
                el('td', {class: 'num'}, k.id), el('td', {}, k.prefix + '…'), el('td', {}, k.organisation),
                el('td', {}, WR.ROLES[k.role] || k.role), el('td', {}, k.name), el('td', {}, WR.date(k.createdAt)),
                el('td', {}, k.expiresAt ? WR.date(k.expiresAt) : 'бессрочно'), el('td', {}, k.revokedAt ? WR.date(k.revokedAt) : '—'),
                el('td', {}, k.revokedAt ? '' : el('button', {type: 'button', class: 'danger', 'data-revoke': k.id,
                    'aria-label': `Отозвать ключ ${k.prefix}`, onclick: () => revoke(k)}, 'Отозвать')))));
    }

    async function createOrganisation(e) {
        e.preventDefault();
        $('org-error').hidden = true;
        try {
            const body = {code: $('org-code').value.trim(), name: $('org-name').value.trim(), kind: $('org-kind').value};
            if ($('org-college').value.trim()) {
                body.college = $('org-college').value.trim();
            }
            await WR.api('POST', '/api/organisations', body);
            $('org-form').reset();
            await loadOrganisations();
            $('key-org').value = body.code;
            roles();
        } catch (err) {
            WR.fail('org-error', 'Организация не создана', err);
        }
    }

    async function createKey(e) {
        e.preventDefault();
        $('key-error').hidden = true;
        $('key-created').hidden = true;
        try {
            const body = {role: $('key-role').value, name: $('key-name').value.trim()};
            if ($('key-expires').value) {
                body.expiresAt = new Date($('key-expires').value + 'T23:59:59').toISOString();
            }
            if ($('key-rate').value) {
                body.requestsPerMinute = Number($('key-rate').value);
            }
            const created = await WR.api('POST', `/api/organisations/${encodeURIComponent($('key-org').value)}/keys`, body);
            $('key-secret').textContent = created.key;
            $('key-copied').textContent = '';
            $('key-created').hidden = false;
            $('key-name').value = '';
            await loadKeys();
            $('key-copy').focus();
        } catch (err) {
            WR.fail('key-error', 'Ключ не выдан', err);
        }
    }

    /** The clipboard API needs a secure context (https or localhost); elsewhere the text is selected for Ctrl+C. */
    async function copy() {
        const secret = $('key-secret').textContent;
        try {
            await navigator.clipboard.writeText(secret);
            $('key-copied').textContent = 'Скопировано';
        } catch (e) {
            const range = document.createRange();
            range.selectNodeContents($('key-secret'));
            window.getSelection().removeAllRanges();
            window.getSelection().addRange(range);
            $('key-copied').textContent = 'Ключ выделен: нажмите Ctrl+C';
        }
    }

    WR.signIn(['ADMIN'], async () => {
        $('org-form').addEventListener('submit', createOrganisation);
        $('key-form').addEventListener('submit', createKey);
        $('key-org').addEventListener('change', roles);
        $('key-copy').addEventListener('click', copy);
        await Promise.all([loadOrganisations(), loadKeys(), window.AdminRules.load()]);
    });
})();
