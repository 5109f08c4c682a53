// The employer's page: its job profiles, how ready each college's cohort is for the chosen one (small groups
// suppressed, with the reason), the ranked candidates who consented, with their gaps, and declared demand.
(function () {
    'use strict';
    const {$, el} = WR;
    const SUPPRESSED = {
        SMALL_GROUP: 'в группе меньше 5 студентов',
        NO_SAFE_COMPLEMENT: 'малое число нельзя скрыть среди 5 и более других студентов группы',
        FEW_WITHHELD_CONSENT: '1–4 студента группы не дали согласия на показ работодателям',
        SMALL_NEIGHBOUR: 'другой набор этой программы с тем же годом выпуска меньше 5 студентов',
        SMALL_COUNTS: 'числа меньше 5 и дополняющие их скрыты',
    };
    const COUNTED = ['READY', 'PARTIALLY_READY', 'NOT_READY'];

    /** Shared with the profile editor. */
    const Employer = window.Employer = {code: null, profiles: [], standards: []};

    const profileUrl = (code) => `/api/employers/${encodeURIComponent(Employer.code)}/profiles/${encodeURIComponent(code)}`;
    Employer.current = () => Employer.profiles.find((p) => p.code === $('profile').value);

    function summary(p) {
        const t = WR.table(el('table', {id: 'profile-functions'}), ['ТФ', 'Наименование', 'Важность', 'Обязательно',
            'Минимальный уровень'], p.functions.map((f) => el('tr', {'data-function': f.function},
            el('td', {}, `${f.standard} ${f.function}`), el('td', {}, f.name), el('td', {class: 'num'}, f.importance),
            el('td', {}, f.mustHave ? 'да' : 'нет'), el('td', {}, f.minLevel ? WR.level(f.minLevel) : 'готов'))));
        $('profile-summary').replaceChildren(t);
    }

    async function cohort(p) {
        const q = new URLSearchParams();
        if ($('cohort-year').value) {
            q.set('year', $('cohort-year').value);
        }
        if ($('cohort-region').value.trim()) {
            q.set('region', $('cohort-region').value.trim());
        }
        const a = await WR.get(`${profileUrl(p.code)}/readiness?${q}`);
        const count = (c, l) => (c.counts && c.counts[l] != null ? WR.number(c.counts[l], 0) : 'скрыто');
        WR.table('cohort', ['Колледж', 'Регион', 'Программа', 'Выпуск', 'Студентов', 'Готовы', 'Частично', 'Не готовы',
            'Медиана соответствия'], a.cells.map((c) => el('tr', {'data-college': c.college, 'data-suppressed': c.suppressed},
            el('td', {}, c.collegeName), el('td', {}, c.region), el('td', {}, `${c.programme} «${c.programmeName}»`),
            el('td', {class: 'num'}, c.graduationYear),
            c.suppressed
                ? el('td', {colSpan: 5, class: 'suppressed'}, 'скрыто: ' + (SUPPRESSED[c.suppressionReason] || c.suppressionReason))
                : [el('td', {class: 'num'}, WR.number(c.students, 0)), ...COUNTED.map((l) => el('td', {class: 'num'},
                    count(c, l)))],
            c.suppressed ? '' : el('td', {class: 'num'}, WR.percent(c.medianJobFit),
                c.suppressionReason ? el('div', {class: 'suppressed'}, SUPPRESSED[c.suppressionReason] || '') : ''))));
        $('cohort-totals').textContent = `Опубликовано групп: ${a.totals.publishedCells}, скрыто: `
            + `${a.totals.suppressedCells}; студентов в опубликованных группах: ${WR.number(a.totals.students, 0)}, `
            + `медиана соответствия: ${WR.percent(a.totals.medianJobFit)}.`;
    }

    function gaps(c) {
        if (!c.gaps.length) {
            return 'нет';
        }
        return el('ul', {class: 'gaps'}, c.gaps.map((g) => el('li', {'data-function': g.function},
            el('b', {}, g.function), ' ', WR.level(g.level), g.mustHave ? ' обязательная' : '',
            g.meetsRequirement ? ' (минимум выполнен)' : ` (нужно: ${WR.LEVELS[g.requiredLevel][0].toLowerCase()})`,
            g.outcomes.length ? el('div', {class: 'hint'}, 'закрыть: ' + g.outcomes.map((o) => `${o.outcome} `
                + `(освоение ${WR.number(o.mastery)}${o.newEvidence.length ? '; нужны: '
                + o.newEvidence.map((k) => WR.KINDS[k] || k).join(', ') : ''})`).join('; ')) : '')));
    }

    async function candidates(p) {
        $('candidates-error').hidden = true;
        try {
            const r = await WR.get(`${profileUrl(p.code)}/candidates?limit=50`);
            WR.table('candidates', ['Место', 'Студент', 'Колледж', 'Программа', 'Выпуск', 'Соответствие', 'Уровень',
                'Пробелы'], r.candidates.map((c) => el('tr', {'data-student': c.studentId, 'data-rank': c.rank},
                el('td', {class: 'num'}, c.rank), el('td', {}, c.studentId), el('td', {}, c.college),
                el('td', {}, c.programme), el('td', {class: 'num'}, c.graduationYear),
                el('td', {class: 'num'}, WR.percent(c.jobFit)),
                el('td', {}, WR.level(c.level), c.mustHavesMet ? '' : el('div', {class: 'hint'},
                    'не готов к обязательным: ' + c.unmetMustHaves.join(', '))),
                el('td', {}, gaps(c)))));
        } catch (e) {
            WR.fail('candidates-error', 'Кандидаты недоступны', e);
        }
    }

    async function demand() {
        const list = await WR.get('/api/demand');
        WR.table('demand', ['Регион', 'Год', 'Профиль', 'Нужно', 'Источник'], list.map((d) =>
            el('tr', {'data-profile': d.profile || ''}, el('td', {}, d.region), el('td', {class: 'num'}, d.year),
                el('td', {}, d.targetName), el('td', {class: 'num'}, WR.number(d.needed, 0)), el('td', {}, d.source || ''))));
    }

    /** Draws everything about the chosen profile. */
    Employer.showProfile = async () => {
        document.body.dataset.profileReady = 'false';
        $('profile-error').hidden = true;
        const p = Employer.current();
        try {
            if (p) {
                summary(p);
                await Promise.all([cohort(p), candidates(p)]);
            }
        } catch (e) {
            WR.fail('profile-error', 'Не удалось показать профиль', e);
        }
        document.body.dataset.profileReady = 'true';
    };

    Employer.loadProfiles = async (chosen) => {
        Employer.profiles = await WR.get(`/api/employers/${encodeURIComponent(Employer.code)}/profiles`);
        $('profile').replaceChildren(...Employer.profiles.map((p) => el('option', {value: p.code},
            `${p.name} (${p.code})`)));
        if (chosen) {
            $('profile').value = chosen;
        }
        await Employer.showProfile();
    };

    async function declare(e) {
        e.preventDefault();
        $('demand-error').hidden = true;
        try {
            await WR.api('POST', '/api/demand', [{region: $('demand-region').value.trim(),
                year: Number($('demand-year').value), needed: Number($('demand-needed').value),
                employer: Employer.code, profile: $('profile').value, source: 'страница работодателя'}]);
            await demand();
        } catch (err) {
            WR.fail('demand-error', 'Потребность не принята', err);
        }
    }

    WR.signIn(['EMPLOYER', 'ADMIN'], async (me) => {
        Employer.code = me.role === 'EMPLOYER' ? me.organisation : new URLSearchParams(location.search).get('employer');
        const employer = await WR.get(`/api/employers/${encodeURIComponent(Employer.code)}`);
        $('title').textContent = employer.name;
        $('demand-region').value = employer.region;
        Employer.standards = (await WR.get('/api/standards')).filter((s) => s.current);
        document.dispatchEvent(new Event('workready:standards'));
        $('profile').addEventListener('change', Employer.showProfile);
        $('profile-pick').addEventListener('submit', (e) => e.preventDefault());
        $('cohort-filter').addEventListener('submit', (e) => {
            e.preventDefault();
            Employer.showProfile();
        });
        $('demand-form').addEventListener('submit', declare);
        await Promise.all([Employer.loadProfiles(), demand()]);
    });
})();
