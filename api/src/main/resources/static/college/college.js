// The college page: signs the tab in with a COLLEGE key, then switches between its sections by the address's
// hash (#upload, #students, #student/ID), so that the browser's back button and bookmarks work.
(function () {
    'use strict';
    const {$} = WR;

    /** What every section of the page shares: the college and its programmes (with their mapped standards). */
    const College = window.College = {code: null, name: null, programmes: [], onShow: {}};

    College.programme = (id) => College.programmes.find((p) => p.id === id);

    /** The standards the college's programmes are mapped to, each once. */
    College.standards = () => {
        const seen = new Map();
        College.programmes.forEach((p) => p.standards.forEach((s) => seen.set(s.code, s)));
        return [...seen.values()];
    };

    function show() {
        const hash = location.hash.replace(/^#/, '') || 'upload';
        const [tab, arg] = hash.split('/');
        const known = ['upload', 'students', 'cohort', 'student'].includes(tab) ? tab : 'upload';
        document.querySelectorAll('main > section[data-tab]').forEach((s) => {
            s.hidden = s.dataset.tab !== known;
        });
        document.querySelectorAll('.tabs a').forEach((a) => a.setAttribute('aria-current',
            a.dataset.tab === known ? 'true' : 'false'));
        if (known === 'student' && arg) {
            $('student-tab').hidden = false;
            $('student-tab').href = '#student/' + arg;
        }
        const handler = College.onShow[known];
        if (handler) {
            handler(arg ? decodeURIComponent(arg) : null);
        }
    }

    WR.signIn(['COLLEGE', 'ADMIN'], async (me) => {
        College.code = me.college || new URLSearchParams(location.search).get('college');
        if (!College.code) {
            WR.fail('upload-progress-text', 'Нет колледжа', 'ключ администратора: укажите ?college=КОД в адресе');
            return;
        }
        const [college, programmes] = await Promise.all([
            WR.get('/api/colleges/' + encodeURIComponent(College.code)),
            WR.get('/api/reports/programmes')]);
        College.name = college.name;
        College.programmes = programmes.filter((p) => p.college === College.code);
        $('title').textContent = college.name;
        document.title = college.name + ' — workready';
        window.addEventListener('hashchange', show);
        show();
    });
})();
