// The college's students: searched and paged in the browser (the list is one request), each row with a compact
// readiness summary for the chosen standard, read for the visible page only.
(function () {
    'use strict';
    const {$, el} = WR;
    const ORDER = ['READY', 'PARTIALLY_READY', 'NOT_READY', 'INSUFFICIENT_EVIDENCE', 'UNMAPPED', 'ABOVE_PROGRAMME_LEVEL'];
    const SHORT = {READY: 'готов', PARTIALLY_READY: 'частично', NOT_READY: 'не готов',
        INSUFFICIENT_EVIDENCE: 'мало данных', UNMAPPED: 'не сопост.', ABOVE_PROGRAMME_LEVEL: 'выше уровня'};

    let students = null;
    let page = 0;
    const summaries = new Map();

    function matching() {
        const q = $('students-q').value.trim().toLowerCase();
        return students.filter((s) => !q || s.id.toLowerCase().includes(q)
            || (s.groupCode || '').toLowerCase().includes(q));
    }

    /** Counts per level as a coloured bar plus words, for one student and standard. */
    function summary(r) {
        if (r instanceof Error) {
            return el('span', {class: 'hint'}, r.status === 404 ? 'нет сопоставления' : 'недоступно');
        }
        const total = ORDER.reduce((n, l) => n + (r.summary[l] || 0), 0) || 1;
        const words = ORDER.filter((l) => r.summary[l]).map((l) => `${SHORT[l]} ${r.summary[l]}`).join(', ');
        return el('div', {class: 'summary', 'data-ready': r.summary.READY || 0, title: words},
            el('div', {class: 'bar', 'aria-hidden': 'true'}, ORDER.filter((l) => r.summary[l]).map((l) =>
                el('span', {style: `width:${r.summary[l] * 100 / total}%;background:${WR.LEVELS[l][1]}`}))),
            el('span', {class: 'hint'}, words));
    }

    async function readiness(id, standard) {
        const k = id + '|' + standard;
        if (!summaries.has(k)) {
            summaries.set(k, WR.get(`/api/students/${encodeURIComponent(id)}/readiness?standard=${encodeURIComponent(standard)}`)
                .catch((e) => e));
        }
        return summaries.get(k);
    }

    async function draw() {
        const list = matching();
        const size = Number($('students-size').value);
        const pages = Math.max(1, Math.ceil(list.length / size));
        page = Math.min(page, pages - 1);
        const visible = list.slice(page * size, (page + 1) * size);
        const standard = $('students-standard').value;
        $('students-count').textContent = `Найдено студентов: ${WR.number(list.length, 0)} из ${WR.number(students.length, 0)}`;
        $('students-page').textContent = `Страница ${page + 1} из ${pages}`;
        $('students-prev').disabled = page === 0;
        $('students-next').disabled = page >= pages - 1;
        const cells = new Map();
        WR.table('students', ['Студент', 'Группа', 'Программа', 'Согласие', `Готовность (${standard || '—'})`],
            visible.map((s) => {
                const p = College.programme(s.programmeId);
                const cell = el('td', {class: 'summary-cell'}, el('span', {class: 'hint'}, '…'));
                cells.set(s.id, cell);
                return el('tr', {'data-student': s.id},
                    el('td', {}, el('a', {href: '#student/' + encodeURIComponent(s.id)}, s.id)),
                    el('td', {}, s.groupCode || '—'),
                    el('td', {}, p ? `${p.fgosCode} «${p.name}», ${p.intakeYear}` : '—'),
                    el('td', {}, s.employerConsent ? 'да' : 'нет'), cell);
            }));
        // four at a time: a page of 50 must not queue 50 requests at once
        const queue = visible.slice();
        const worker = async () => {
            while (queue.length) {
                const s = queue.shift();
                cells.get(s.id).replaceChildren(summary(standard ? await readiness(s.id, standard) : new Error()));
            }
        };
        await Promise.all([worker(), worker(), worker(), worker()]);
        document.body.dataset.studentsReady = 'true';
    }

    async function list() {
        if (students === null) {
            students = await WR.get(`/api/colleges/${encodeURIComponent(College.code)}/students`);
        }
        return students;
    }

    async function show() {
        document.body.dataset.studentsReady = 'false';
        $('students-error').hidden = true;
        try {
            if (!$('students-standard').options.length) {
                $('students-standard').replaceChildren(...College.standards().map((s) =>
                    el('option', {value: s.code}, `${s.code} «${s.name}»`)));
            }
            await list();
            await draw();
        } catch (e) {
            WR.fail('students-error', 'Не удалось загрузить студентов', e);
        }
    }

    /** One student of the college, from the list (read once). */
    College.findStudent = async (id) => {
        const s = (await list()).find((x) => x.id === id);
        if (!s) {
            throw new Error(`нет студента ${id} в колледже ${College.code}`);
        }
        return s;
    };

    /** After an upload the list and the summaries are read again. */
    College.studentsChanged = () => {
        students = null;
        summaries.clear();
    };

    document.addEventListener('DOMContentLoaded', () => {
        let typing = null;
        $('students-q').addEventListener('input', () => {
            clearTimeout(typing);
            typing = setTimeout(() => { page = 0; draw(); }, 250);
        });
        $('students-filter').addEventListener('submit', (e) => e.preventDefault());
        $('students-standard').addEventListener('change', draw);
        $('students-size').addEventListener('change', () => { page = 0; draw(); });
        $('students-prev').addEventListener('click', () => { page--; draw(); });
        $('students-next').addEventListener('click', () => { page++; draw(); });
    });

    College.onShow.students = show;
})();
