// Every page of the app, once: the accessibility scan (interface.test.mjs) visits each in
// every interface language and colour scheme. A new page joins the scan by being added here.
//
// `as`: who opens it ('anonymous', or 'admin' — the demo vendor's administrator sees every
// page an agent does, and People and Audit). `ready`: a selector that is there once the page
// has its content.
export const ROUTES = [
  { path: '/sign-in', as: 'anonymous', ready: 'form.form' },
  { path: '/', as: 'admin', ready: '.policy-row' },
  { path: '/?q=harassment', as: 'admin', ready: '.result' },
  { path: '/policies/private-information', as: 'admin', ready: 'section.section' },
  { path: '/policies/private-information/diff/1/2', as: 'admin', ready: 'h1' },
  { path: '/sweeps', as: 'admin', ready: 'h1' },
  { path: '/sweeps/demoelection1', as: 'admin', ready: 'h1' },
  { path: '/templates', as: 'admin', ready: 'h1' },
  { path: '/templates/escalation-violent-threat/compose', as: 'admin', ready: 'h1' },
  { path: '/templates/new', as: 'admin', ready: '#tpl-id' },
  { path: '/templates/escalation-violent-threat/versions', as: 'admin', ready: '.version-list' },
  { path: '/templates/import', as: 'admin', ready: '#import-folder' },
  { path: '/reading', as: 'admin', ready: '.reading-lists li' },
  { path: '/reading/firstweek2026', as: 'admin', ready: '.reading-items li' },
  { path: '/settings', as: 'admin', ready: 'h1' },
  { path: '/admin/people', as: 'admin', ready: 'table' },
  { path: '/admin/audit', as: 'admin', ready: 'h1' },
  { path: '/no-such-page', as: 'admin', ready: 'h1' },
];
