# Casebook's interface in English: the reference catalogue.
# Every message the app shows has an id here; other languages translate these ids and may
# leave some out (English shows instead). Keep messages short and plain: agents read them
# under time pressure. Variables are written { $name }.

## The frame around every page

app-name = Casebook
skip-to-content = Skip to content
nav-main = Main
nav-policies = Policies
nav-sweeps = Sweeps
nav-templates = Templates
nav-settings = Settings
nav-people = People
nav-audit = Audit log
language-picker = Interface language
sign-in = Sign in
sign-out = Sign out
working-offline = { $name } · working offline
sign-out-unsent = { $count ->
    [one] 1 edit has not reached the server yet. Signing out deletes it from this device. Sign out anyway?
   *[other] { $count } edits have not reached the server yet. Signing out deletes them from this device. Sign out anyway?
}
library-saved-offline = You are offline. Showing the policy library saved on this device { $when }.
library-saved-unreachable = The server is unreachable. Showing the policy library saved on this device { $when }.
library-saved-checking = Showing the policy library saved on this device { $when }; checking for updates…
just-now = just now

## Roles and organisations

role-agent = agent
role-specialist = policy specialist
role-trainer = trainer
role-admin = admin
title-platform = Platform { $role }
title-vendor = Vendor { $role }

## Connection

connection-checking = Connecting…
connection-online = Online
connection-offline = Offline
connection-unreachable = Server unreachable

## Sync state in the header

sync-waiting = { $count ->
    [one] 1 edit waiting
   *[other] { $count } edits waiting
}
sync-refused-short = 1 edit refused · see why
sync-loading = Loading your work…
sync-catching-up = Catching up { $percent }%
sync-syncing = Syncing…
sync-not-connected = Not connected
sync-saved-here = Saved here · { $waiting }
sync-signed-out = Signed out, sign in to sync
sync-problem = Sync problem
sync-synced-ago = Synced { $when }
sync-synced = Synced
sync-refused = The server refused an edit:
sync-refused-blocks = The edits after it wait until you retry or discard it.
sync-retry = Retry
sync-discard = Discard this edit
sync-all-sent = Every edit made on this device has reached the server.
sync-saved-count = { $count ->
    [one] 1 edit is saved on this device and will be sent when the server answers.
   *[other] { $count } edits are saved on this device and will be sent when the server answers.
}
sync-last = Last synced { $when }.
sync-never = Not synced yet on this device.
sync-now = Sync now

## Pages that are not there

not-found-title = Page not found
not-found-body = Casebook has no page at this address. The link may be mistyped or from an older version.
not-found-search = Go to policy search
planned-not-yet = This tool is not available in this version of Casebook yet.
planned-search = Search the policy library

## Failures talking to the server

api-unreachable = Casebook cannot reach its server. Check your connection; this page retries when you are back online.
api-server-error = { $message } (request { $request })
api-status = The server answered with status { $status }.
api-unreadable = The server's answer could not be read. Reload the page to get the newest version of Casebook.

## Server error codes: { $detail } is the server's own (English) explanation

error-not_found = Not found. { $detail }
error-bad_request = The request was not accepted: { $detail }
error-invalid = Please check what you entered: { $detail }
error-conflict = This changed at the same time elsewhere: { $detail }
error-invalid_library = The policy library has errors: { $detail }
error-method_not_allowed = That action is not possible here.
error-sign_in_required = Please sign in again.
error-forbidden = Your role does not allow this.
error-csrf_header_missing = The request was blocked for your safety. Reload the page and try again.
error-bad_credentials = The email or password is wrong.
error-account_switched_off = This account is switched off. Ask your administrator.
error-too_many_attempts = Too many attempts. Wait a few minutes, then try again.
error-unsupported_media_type = The server could not read this kind of request.
error-payload_too_large = This is too large to send.
error-busy = The server is busy. Trying again shortly.
error-internal = Something went wrong on the server. Your work is kept; try again.
error-schema_version = This version of Casebook is out of date. Reload the page.
error-sync_gap = Some edits went missing on the way. They are being sent again.
error-invalid_push = The server could not read these edits: { $detail }
error-invalid_edit = This edit is not valid: { $detail }
error-edit_not_allowed = You may not make this edit: { $detail }
error-out_of_scope = This belongs to another organisation.
error-no_such_object = This no longer exists.
error-client_of_another_person = These edits belong to another person on this device.
error-write_quota = Your organisation's storage is full. Ask your administrator.

## Case-note templates (issue 10)
templates-title = Note templates
templates-intro = Pick a template, fill in its fields and copy the note. Notes are saved for your organisation and work offline.
templates-sign-in = Sign in to use note templates.
templates-search-label = Search templates
templates-search-placeholder = Name, policy area, kind or language
templates-search-hint = Press Enter to open the first match, or / to come back here.
templates-count = { $count ->
    [one] One template
   *[other] { $count } templates
}
templates-none = No templates yet. Specialists and trainers write them.
templates-no-match = No template matches “{ $query }”.
templates-kind-notice = User notice
templates-kind-enforcement = Enforcement note
templates-kind-escalation = Escalation
templates-version = version { $version }
templates-not-found = This template is not on this device. It may not be shared with your organisation, or it has not synced yet.
templates-back = All templates
templates-compose-title = Compose: { $name }
templates-fields = Fields
templates-note-language = Note language
templates-falls-back = { $lang } (uses { $fallback })
templates-required = required
templates-choose = Choose…
templates-preview = Preview
templates-preview-error = The preview cannot be shown: { $detail }
templates-copy-save = Copy and save
templates-copy-hint = Ctrl+Enter copies the note and saves it.
templates-blocked = Fill in before copying: { $fields }
templates-saved = Copied to the clipboard and saved.
templates-saved-not-copied = Saved. The clipboard is not available here: select the preview and copy it.
templates-save-failed = Not saved: { $detail }
templates-pii-title = Personal data found
templates-pii-found = { $kind } in { $field }
templates-pii-redact = Redact and copy
templates-pii-keep = Keep and record
templates-pii-kind-email = An email address
templates-pii-kind-phone = A phone number
templates-pii-kind-card = A payment card number
templates-pii-kind-iban = An IBAN
templates-problem-required = Required.
templates-problem-too-long = At most { $max } characters.
templates-problem-control = Remove the control characters.
templates-problem-not-a-choice = Pick one of the choices.
templates-problem-bad-handle = Not an account handle.
templates-problem-bad-url = Not an http(s) link.
templates-problem-too-many-links = At most { $max } links.
templates-problem-bad-date = Not a date (YYYY-MM-DD).
templates-problem-not-a-number = Not a whole number.
templates-problem-below-min = At least { $min }.
templates-problem-above-max = At most { $max }.
templates-problem-pattern = Must look like { $pattern } (# is a digit, A a capital letter).
templates-problem-bad-policy-ref = Write it as policy#section@version.
templates-history = Note history
templates-history-search = Search notes
templates-history-placeholder = Case id, policy, template or text
templates-history-none = No notes yet.
templates-history-no-match = No note matches.
templates-note-meta = { $template } · { $lang } · { $author } · { $time }
templates-note-case = case { $case }
templates-note-pending = Waiting to sync
templates-note-kept = Personal data kept: { $kinds }
