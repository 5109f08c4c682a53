// Uploads of results and rosters: a file dropped or chosen goes to the API as it is (CSV, XLSX, JSON), with a
// progress bar while it is sent and, for large files that run in the background, while it is checked. The outcome
// is the rows stored per kind and the warnings, or for a refused file the table of its bad rows, downloadable as
// CSV to fix in Excel.
(function () {
    'use strict';
    const {$, el} = WR;

    const TYPES = {
        csv: 'text/csv', txt: 'text/csv', json: 'application/json', jsonl: 'application/x-ndjson',
        xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    const STATUS = {
        COMPLETED: 'принят', REJECTED: 'отклонён', FAILED: 'ошибка', PROCESSING: 'обрабатывается',
    };
    const UPLOAD_KINDS = {ASSESSMENTS: 'результаты', STUDENTS: 'список студентов'};

    const type = (name) => TYPES[(name.split('.').pop() || '').toLowerCase()] || 'application/octet-stream';

    function progress(percent, text) {
        $('upload-progress').hidden = false;
        $('upload-bar').value = percent;
        $('upload-progress-text').textContent = text;
    }

    /** Sends the file with XMLHttpRequest, which (unlike fetch) reports the upload's progress. */
    function send(file, kind) {
        return new Promise((resolve) => {
            const xhr = new XMLHttpRequest();
            const url = `/api/colleges/${encodeURIComponent(College.code)}/${kind}?fileName=${encodeURIComponent(file.name)}`;
            xhr.open('POST', url);
            xhr.setRequestHeader('X-API-Key', sessionStorage.getItem('workready.apiKey') || '');
            xhr.setRequestHeader('Content-Type', type(file.name));
            xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
            xhr.setRequestHeader('Accept-Language', 'ru');
            xhr.upload.addEventListener('progress', (e) => {
                if (e.lengthComputable) {
                    progress(Math.round(e.loaded * 100 / e.total),
                        `Отправлено ${WR.number(e.loaded / 1048576, 1)} из ${WR.number(e.total / 1048576, 1)} МБ`);
                }
            });
            xhr.addEventListener('load', () => {
                let body = {};
                try {
                    body = JSON.parse(xhr.responseText);
                } catch (e) {
                    body = {detail: xhr.responseText};
                }
                resolve({status: xhr.status, body: body});
            });
            xhr.addEventListener('error', () => resolve({status: 0, body: {detail: 'нет связи с сервером'}}));
            xhr.send(file);
        });
    }

    /** A background upload (202): asks for its status until it ends. */
    async function follow(upload) {
        let u = upload;
        while (u.status !== 'COMPLETED' && u.status !== 'FAILED' && u.status !== 'REJECTED') {
            progress(u.rows ? Math.round(u.rowsRead * 100 / Math.max(u.rows, 1)) : 50,
                `Проверено строк: ${WR.number(u.rowsRead, 0)}`);
            await new Promise((r) => setTimeout(r, 1000));
            u = await WR.get(`/api/colleges/${encodeURIComponent(College.code)}/uploads/${u.uploadId}`);
        }
        return u;
    }

    function counts(u) {
        const entries = Object.entries(u.countsByKind || {});
        return WR.table(el('table', {id: 'upload-counts'}), ['Вид', 'Строк'], entries.map(([k, n]) =>
            el('tr', {'data-kind': k}, el('td', {}, WR.KINDS[k] || k), el('td', {class: 'num'}, WR.number(n, 0)))));
    }

    function stored(u) {
        College.studentsChanged();
        const box = $('upload-outcome');
        const head = u.duplicate
            ? el('p', {class: 'ok', id: 'upload-result', 'data-status': 'DUPLICATE'},
                `Этот файл уже был загружен (загрузка № ${u.uploadId}); ничего не изменено.`)
            : el('p', {class: 'ok', id: 'upload-result', 'data-status': u.status},
                `Файл «${u.fileName || ''}» принят: сохранено строк — ${WR.number(u.rows, 0)}, студентов — `
                + `${WR.number(u.studentCount, 0)}` + (u.rescoredStandards
                    ? `, готовность пересчитана по стандартам: ${u.rescoredStandards}.` : '.'));
        const warnings = (u.warnings || []).map((w) => el('li', {}, w));
        box.replaceChildren(head, counts(u),
            warnings.length ? el('h4', {}, `Предупреждения (${WR.number(u.warningCount, 0)})`) : '',
            warnings.length ? el('ul', {id: 'upload-warnings'}, warnings) : '');
    }

    function refused(status, body, fileName) {
        const problems = body.problems || [];
        const rows = problems.map((p) => [p.row == null ? '' : p.row, p.column || '', p.value == null ? '' : p.value,
            p.reason || '']);
        const button = el('button', {type: 'button', id: 'bad-rows-csv', class: 'secondary',
            onclick: () => WR.downloadCsv('ошибки-' + (fileName || 'файла').replace(/\.[^.]+$/, '') + '.csv',
                ['Строка', 'Столбец', 'Значение', 'Причина'], rows)}, 'Скачать ошибки как CSV');
        const more = body.problemCount > problems.length
            ? el('p', {class: 'hint'}, `Показаны первые ${problems.length} из ${WR.number(body.problemCount, 0)} ошибок.`)
            : '';
        $('upload-outcome').replaceChildren(
            el('p', {class: 'error', id: 'upload-result', 'data-status': 'REFUSED', role: 'alert'},
                `Файл не принят (HTTP ${status}): ${body.detail || body.title || 'ошибка'}. Ничего не сохранено.`),
            problems.length ? el('div', {class: 'scroll'}, WR.table(el('table', {id: 'bad-rows'}),
                ['Строка', 'Столбец', 'Значение', 'Причина'], rows.map((r) =>
                    el('tr', {}, r.map((c, i) => el('td', {class: i === 0 ? 'num' : ''}, c)))))) : '',
            more, problems.length ? button : '');
    }

    async function upload(file) {
        if (!file) {
            return;
        }
        document.body.dataset.uploading = 'true';
        $('upload-outcome').replaceChildren();
        progress(0, `Отправка «${file.name}»…`);
        const kind = $('upload-kind').value;
        try {
            const r = await send(file, kind);
            if (r.status >= 200 && r.status < 300) {
                const u = r.status === 202 ? await follow(r.body) : r.body;
                progress(100, 'Готово');
                if (u.status === 'COMPLETED') {
                    stored(u);
                } else {
                    refused(r.status, u, file.name);
                }
            } else {
                progress(100, 'Файл проверен');
                refused(r.status, r.body, file.name);
            }
            await history();
        } finally {
            $('upload-file').value = '';
            document.body.dataset.uploading = 'false';
        }
    }

    async function history() {
        const list = await WR.get(`/api/colleges/${encodeURIComponent(College.code)}/uploads?limit=20`);
        WR.table('uploads', ['№', 'Когда', 'Файл', 'Что', 'Итог', 'Строк', 'Студентов', 'Предупреждений'],
            list.map((u) => el('tr', {'data-upload': u.uploadId, 'data-status': u.status},
                el('td', {class: 'num'}, u.uploadId), el('td', {}, WR.date(u.createdAt)), el('td', {}, u.fileName || '—'),
                el('td', {}, UPLOAD_KINDS[u.kind] || u.kind), el('td', {}, STATUS[u.status] || u.status),
                el('td', {class: 'num'}, WR.number(u.rows, 0)), el('td', {class: 'num'}, WR.number(u.studentCount, 0)),
                el('td', {class: 'num'}, WR.number(u.warningCount, 0)))));
    }

    document.addEventListener('DOMContentLoaded', () => {
        const zone = $('dropzone');
        $('upload-form').addEventListener('submit', (e) => {
            e.preventDefault();
            upload($('upload-file').files[0]);
        });
        zone.addEventListener('click', () => $('upload-file').click());
        zone.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                $('upload-file').click();
            }
        });
        zone.addEventListener('dragover', (e) => {
            e.preventDefault();
            zone.classList.add('over');
        });
        zone.addEventListener('dragleave', () => zone.classList.remove('over'));
        zone.addEventListener('drop', (e) => {
            e.preventDefault();
            zone.classList.remove('over');
            upload(e.dataTransfer.files[0]);
        });
    });

    College.onShow.upload = () => history().catch((e) => WR.fail('upload-progress-text', 'История недоступна', e));
})();
