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
nav-import = Import
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

## Sweeps (issue 11)

sweeps-keys-hint = Press ? for the keys.
## Policy pages (lookup2)

policy-loading = Loading policy…
policy-not-found = Policy not found
policy-not-found-detail = There is no policy called “{ $slug }”. It may have been renamed.
policy-search-library = Search the policy library
policy-no-version = This policy has no version { $number }.
policy-open-current = Open the current version
policy-open-current-numbered = Open the current version (v{ $number })
policy-draft-note = This is a draft. Do not enforce it yet.
policy-old-note = This is not the current version of this policy.
policy-fact-version = Version
policy-fact-effective = Effective
policy-fact-since = Out of service since
policy-fact-verified = Verified until
policy-fact-owner = Owner
policy-fact-regions = Regions
policy-overdue = — overdue for review
policy-version-status = v{ $number } · { $status }
policy-status-draft = Draft
policy-status-published = Published
policy-status-superseded = Superseded
policy-status-retired = Retired
policy-sections = Sections
policy-versions = Versions
policy-versions-label = Versions:
policy-version-link = v{ $number } ({ $status })
policy-changed-since = What changed since v{ $number }
policy-link-to-section = Link to { $heading }
policy-copy-link = Copy link
policy-link-copied = Link copied
policy-copy-section-title = Copy a link to this section of this version (key: c)
policy-copy-by-hand = This browser does not let Casebook copy here. The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.
policy-paragraph-bar = About this paragraph
policy-copy-paragraph = Copy link to this paragraph
policy-paragraph-not-current = This is v{ $number }, not the current version (v{ $current }).
policy-section-in-current = Read this section in v{ $current }
policy-section-changed-since = What changed in this section since v{ $number }
policy-section-unchanged = This section is the same in v{ $current }.
policy-section-gone = v{ $current } no longer has this section.
policy-actions = Enforcement actions
policy-action = Action
policy-severity = Severity
policy-when = When it applies
policy-severity-low = Low
policy-severity-medium = Medium
policy-severity-high = High
policy-severity-critical = Critical
diff-title = What changed in { $title }
diff-no-versions = This policy has no version { $from } or { $to }.
diff-compare = Compare
diff-with = with
diff-version-option = v{ $number } ({ $status }, { $effective })
diff-same-text = These versions have the same text.
diff-counts = Sections changed: { $changed }, added: { $added }, removed: { $removed }. Enforcement actions changed: { $actions }.
diff-summary = Summary:
diff-added = Added
diff-removed = Removed
diff-changed = Changed
diff-unchanged = Unchanged
diff-open-in = Open in v{ $version }
diff-previously-headed = Previously headed “{ $heading }”.
diff-unchanged-list = Unchanged: { $headings }.
diff-change = Change
diff-version = v{ $version }

## Library updates in open tabs (lookup2)

library-update-available = A new version of the policy library is available.
library-update-show = Show it

## Library import page (lookup2)

import-title = Import policies
import-intro = Choose the library folder, some of its files, or a zip of the folder. You will see every problem, or what will change, before anything is saved.
import-folder = Library folder
import-files = Or files, or a zip file
import-working = Checking…
import-unreadable = The chosen files could not be read.
import-not-text = { $file } is not a text file.
import-too-large = Choose at most { $files } files and { $mib } MiB in all.
import-problems = { $count ->
    [one] One problem. Nothing was saved.
   *[other] { $count } problems. Nothing was saved.
}
import-whole-folder = The whole folder
import-line = Line { $line }:
import-preview = What will change
import-new-policies = New policies
import-new-versions = New versions
import-version-changes = compared with v{ $current }: { $changed } sections changed, { $added } added, { $removed } removed; { $actions } actions changed
import-status-changes = Status changes
import-status-change = { $slug } v{ $number } becomes { $status } { $since }
import-unchanged = { $count ->
    [one] One file is already in the library.
   *[other] { $count } files are already in the library.
}
import-nothing = Nothing to import: the library already holds these files.
import-apply = Apply the import
import-applied = Imported: { $versions } new versions, { $changes } status changes.
## Command palette (Ctrl-K) and the keyboard shortcuts overlay (?)

palette-title = Go to or do
palette-input = Search for a page, policy, sweep or action
palette-placeholder = Type to find a page, policy, sweep or action…
palette-nothing = Nothing matches. Try another word.
palette-hint = ↑ ↓ to choose · Enter to open · Esc to close
palette-kind-page = Page
palette-kind-account = Account
palette-kind-policy = Policy
palette-kind-template = Template
palette-kind-sweep = Sweep
palette-language = Switch the interface to { $language }
shortcut-palette = Open the command palette
shortcut-help = Show these shortcuts
shortcut-close = Close a dialog or panel
shortcut-search = Go to the search box
shortcut-copy-link = Copy the link to this section
shortcut-unnamed = Page action
shortcuts-title = Keyboard shortcuts
shortcuts-everywhere = Everywhere
shortcuts-this-page = On this page
shortcuts-not-while-typing = Single-key shortcuts do nothing while you type in a field.
shortcuts-close = Close
## Sign in (i18npages)

signin-signed-in = Signed in
signin-signed-in-as = You are signed in as { $name } ({ $email }).
signin-go-search = Go to policy search
signin-hint = Use the account your vendor administrator gave you.
signin-email = Email
signin-password = Password
signin-busy = Signing in…
signin-checking = Loading…
document-paragraph-link = Link to paragraph { $number }

## Settings

settings-title = Settings
settings-account = Your account
settings-who = { $name } · { $title } at { $org }
settings-loading = Loading…
settings-sign-in-to-change = Sign in to change your password.
settings-language = Language
settings-language-legend = Interface language
settings-language-hint = Buttons, messages and dates use this language. Policies keep their own language. This device remembers the choice.
settings-device = This device
settings-insecure = Offline start needs https. This address is plain http, so the browser does not let Casebook keep itself on this device for opening without a network, or copy links for you (they are shown to copy by hand). Everything else works. Ask your administrator for an https address.
settings-later = Coming later
settings-later-list = Media blurring and keyboard shortcuts.
settings-password-title = Change your password
settings-current-password = Current password
settings-new-password = New password
settings-password-rule = At least { $min } characters.
settings-repeat-password = New password again
settings-passwords-differ = The two new passwords differ; type the same one twice.
settings-password-changed = Your password is changed. Anywhere else you were signed in, you are now signed out.
settings-changing = Changing…
settings-change-password = Change password

## People

people-title = People
people-only-admins = Only administrators can manage people.
people-intro = Everyone with an account at { $org }. A switched-off account cannot sign in and its open sessions end at once; switch it on again to restore it.
people-loading = Loading…
people-everyone = Everyone ({ $count })
people-find = Find
people-find-placeholder = name, email or role
people-nobody = Nobody matches.
people-table = Everyone in the organisation
people-name = Name
people-email = Email
people-role = Role
people-account = Account
people-password = Password
people-you = (you)
people-role-of = Role of { $name }
people-role-agent = Agent
people-role-specialist = Policy specialist
people-role-trainer = Trainer
people-role-admin = Admin
people-active = Active
people-off = Switched off
people-switch-off = Switch off
people-switch-on = Switch on
people-switch-off-label = Switch off { $name }'s account
people-switch-on-label = Switch on { $name }'s account
people-change-yours = Change yours in Settings
people-new-password-for = New password for { $name }
people-new-password = New password…
people-set = Set
people-cancel = Cancel
people-add-title = Add a person
people-first-password = First password
people-suggest = Suggest another
people-add = Add person
people-adding = Adding…
people-password-hint = Passwords need at least { $min } characters. Give the first one to the person yourself; Casebook does not send email.
people-added = Added { $name } ({ $email }) as { $role }. Give them their email and the first password you set.
people-could-not-add = Could not add { $name }: { $reason }
people-could-not-change = Could not change { $name }: { $reason }
people-now-role = { $name } is now { $role }.
people-switched-off-done = Switched off { $name }'s account; their sessions have ended.
people-switched-on-done = Switched on { $name }'s account; they can sign in again.
people-password-done = Set a new password for { $name }; their sessions have ended.

## Audit log

audit-title = Audit log
audit-only-admins = Only administrators can read the audit log.
audit-loading = Loading…
audit-none = No entries match.
audit-any = any
audit-time = Time
audit-person = Person
audit-action = Action
audit-object = Object
audit-result = Result
audit-detail = Detail
audit-request = Request
audit-anonymous = not signed in
audit-client-time = Device clock: { $time }
audit-count = { $count ->
    [one] 1 entry shown.
   *[other] { $count } entries shown, newest first.
}
audit-show-older = Show older entries
audit-result-ok = OK
audit-result-failed = Failed
audit-result-denied = Refused
audit-action-sign-in = Sign-in
audit-action-sign-out = Sign-out
audit-action-sync-push = Edits saved
audit-action-user-create = Account added
audit-action-user-change = Account changed
audit-action-user-password = Own password changed
audit-action-library-import = Policy import
audit-action-request-denied = Request refused
audit-detail-rate-limited = Too many attempts
audit-detail-wrong-credentials = Wrong email or password
audit-detail-switched-off = Account switched off
audit-detail-changed-during-sign-in = Account changed during sign-in
audit-detail-wrong-current-password = Wrong current password
audit-detail-changed-during-change = Account changed during the change
audit-detail-other-sessions-ended = Other sessions ended
audit-detail-edits = { $count ->
    [one] 1 edit: { $fields }
   *[other] { $count } edits: { $fields }
}
audit-detail-edits-more = { $count ->
    [one] 1 edit: { $fields } and { $more } more
   *[other] { $count } edits: { $fields } and { $more } more
}
audit-detail-import = Versions added: { $added }; unchanged: { $unchanged }
audit-detail-import-failed = { $count ->
    [one] 1 problem; nothing imported
   *[other] { $count } problems; nothing imported
}
audit-detail-created = { $email } as { $role }
audit-detail-role = role: { $role }
audit-detail-switched-on-now = switched on
audit-detail-switched-off-now = switched off
audit-detail-new-password = new password
audit-list-separator = { ", " }

## Edits and downloads that fail on this device (i18npages)

edit-impossible = This edit is not possible: { $reason }.
edit-signed-out = You are signed out.
edit-signed-out-elsewhere = You were signed out in another tab. Reload the page and sign in.
edit-not-saved = The edit could not be saved. Nothing was changed.
edit-storage-refused = This browser refused to save the edit (is its storage full?). Nothing was changed.
sync-storage-refused = This browser refused to save synced data (is its storage full?).
library-unreachable = Casebook cannot reach its server.
library-status = The server could not send the policy library (status { $status }).
library-interrupted = The policy library download was interrupted.
library-unreadable = The policy library could not be read. Reload the page.
library-index-interrupted = The search index download was interrupted.
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
templates-policy-picker-hint = Type words to search the policies, then pick a section with the arrows and Enter.
templates-policy-picker-options = Policy sections
templates-policy-picker-none = No section matches “{ $query }”.
templates-note-sweep-item = Written for item { $item } of sweep { $sweep }
templates-new = New template
templates-import = Import templates
templates-for-sweep-item = For item { $item } of sweep { $sweep }: the note will link to it.
templates-note-amended = Amended
templates-note-see-amendment = See the amendment
templates-note-amends = Amends the note of { $time }
templates-note-amends-unknown = Amends a note that is not on this device
templates-note-amend = Amend
templates-note-amend-named = Amend the note of { $time }
templates-amending = Amending the note of { $time }: saving writes a new note linked to it; the old one stays as it was.
templates-put-in-item = Put the text in item { $item }'s note
templates-put-in-item-done = The text is in the item's note.
templates-back-to-sweep = Back to the sweep
templates-type-text = Text
templates-type-multiline = Several lines
templates-type-choice = Choice
templates-type-handle = Account handle
templates-type-url = Link
templates-type-links = Links (one per line)
templates-type-date = Date
templates-type-number = Number
templates-type-case-id = Case id
templates-type-policy-ref = Policy section
templates-part-settings = Settings
templates-part-fields = Fields
templates-part-body = Body in { $lang }
templates-diff-added = added
templates-diff-removed = removed
templates-diff-changed = changed
templates-diff-unchanged = unchanged
templates-author-not-allowed = Only specialists, trainers and admins write templates.
templates-author-not-owner = This template belongs to another organisation: only its own team publishes new versions.
templates-author-id-taken = is already used by another template
templates-author-settings = Settings
templates-author-id = Id
templates-author-id-help = 3 to 60 lowercase letters, digits and hyphens. It never changes and is part of the template's address.
templates-author-name = Name
templates-author-kind = Kind
templates-author-area = Policy area
templates-author-default-lang = Default language
templates-author-default = default
templates-author-variant-name = Name in this language (optional)
templates-author-body = Body
templates-author-labels = Field labels in { $lang }
templates-author-body-error = Line { $line }, column { $column }: { $detail }
templates-author-no-body = No body in { $lang }: notes in { $lang } use the { $fallback } body.
templates-author-preview = Preview in { $lang }
templates-author-new-title = New template
templates-author-edit-title = { $name }: version { $version }
templates-author-intro = Placeholders are written {"{{"} field {"}}"}; {"{%"} if field {"%}"} … {"{%"} endif {"%}"} and {"{%"} for link in field {"%}"} … {"{%"} endfor {"%}"} are allowed. The preview fills each field with its default or a sample.
templates-author-fields = { $count ->
    [one] One field
   *[other] { $count } fields
}
templates-author-no-fields = No fields yet.
templates-author-add-field = Add a field
templates-author-bodies = Bodies by language
templates-author-bodies-help = Leave a language empty to use the default language's body.
templates-author-unchanged = Nothing has changed since the newest version.
templates-author-failed = Not published: { $detail }
templates-author-publish = Publish version { $version }
templates-author-problem-count = { $count ->
    [one] One problem to fix before publishing.
   *[other] { $count } problems to fix before publishing.
}
templates-author-options = Choices, one per line
templates-author-pattern = Pattern
templates-author-pattern-help = # is a digit, A a capital letter, anything else itself.
templates-author-min = Smallest
templates-author-max = Largest
templates-author-field-n = Field { $n }
templates-author-field-name = Placeholder name
templates-author-field-label = Label
templates-author-field-type = Type
templates-author-field-default = Default
templates-author-field-help = Help
templates-author-field-required = Required
templates-author-move-up = Move up
templates-author-move-up-named = Move { $name } up
templates-author-remove = Remove
templates-author-remove-named = Remove { $name }
templates-versions-title = { $name }: versions
templates-versions-compose = Compose a note
templates-versions-edit = Write version { $version }
templates-shared-count = { $count ->
    [0] Not shared with vendors
    [one] Shared with one vendor
   *[other] Shared with { $count } vendors
}
templates-versions-version = Version { $version }: { $name }
templates-versions-first = The first version.
templates-versions-changes = What changed since version { $from }
templates-import-title = Import templates
templates-import-intro = Choose a folder of Markdown files, one per template: front matter with the settings and fields, then a section per language headed ## en, ## es, ## ar or ## ja. You will see every problem, or what will be published, before anything is saved.
templates-import-folder = Templates folder
templates-import-not-ours = belongs to another organisation: only its own team publishes it
templates-import-new = new template, version 1
templates-import-next = version { $version }, after version { $from }
templates-import-unchanged = unchanged (version { $version })
templates-import-refused = Some templates belong to another organisation: nothing can be published. Remove them from the folder.
templates-import-nothing = Nothing to publish: every template is unchanged.
templates-import-publish = { $count ->
    [one] Publish one template
   *[other] Publish { $count } templates
}
templates-import-published = { $count ->
    [one] One template published.
   *[other] { $count } templates published.
}
## Sweeps (issue 11)

sweeps-title = Sweeps
sweeps-intro = Guidance for a real-time event, and the items to check against it. Work goes on offline and syncs when the network returns.
sweeps-sign-in-list = Sign in to see and work sweeps.
sweeps-sign-in-work = Sign in to work this sweep.
sweeps-none-publish = No sweeps yet. Publish the first one below.
sweeps-none-wait = No sweeps yet. A specialist publishes them here.
sweeps-published-by = Published { $date } by { $author }
sweeps-state-plain = free-text guidance
sweeps-state-version = guidance version { $version }
sweeps-done-of = { $done } of { $total } done
sweeps-decided = { $count ->
    [one] 1 decided
   *[other] { $count } decided
}
sweeps-conflicts = { $count ->
    [one] 1 conflict
   *[other] { $count } conflicts
}
sweeps-decision-no-violation = No violation
sweeps-decision-label = Label
sweeps-decision-remove = Remove
sweeps-decision-escalate = Escalate
sweeps-decision-none = — none —
sweeps-new-title = Publish a sweep
sweeps-field-title = Title
sweeps-field-title-example = Election night: fake polling-place claims
sweeps-field-guidance = Guidance
sweeps-field-guidance-example = What to look for, the time window and regions, when to escalate.
sweeps-field-items = Items, one link or handle per line (or case ids, or a CSV file's text with a “link” column)
sweeps-publish = Publish
sweeps-import-ok = { $count ->
    [one] 1 item.
   *[other] { $count } items.
}
sweeps-import-duplicates = { $count ->
    [one] 1 repeated line dropped.
   *[other] { $count } repeated lines dropped.
}
sweeps-import-blank = { $count ->
    [one] 1 blank line dropped.
   *[other] { $count } blank lines dropped.
}
sweeps-import-bad = { $count ->
    [one] 1 line is not an item. Nothing is imported until it is fixed.
   *[other] { $count } lines are not items. Nothing is imported until they are fixed.
}
sweeps-import-line = Line { $line }
sweeps-items-file = Or upload a CSV or text file:
sweeps-items-from-file = Items from { $file }.
sweeps-items-use-box = Use the text box instead
sweeps-import-empty = Paste at least one link, handle or case id.
sweeps-import-too-large = The text is too large: at most { $max } bytes.
sweeps-import-too-many = A sweep holds at most { $max } items; this list has { $count }.
sweeps-line-too-long = longer than { $max } characters
sweeps-line-control = holds a control character
sweeps-line-scheme = a link must start with http:// or https://
sweeps-line-no-host = the link has no host
sweeps-line-handle = a handle is @ and up to 64 letters, digits, _ or .
sweeps-line-unknown = not a link, a handle or a case id
sweeps-line-quote = the CSV quoting is not closed
sweeps-line-column = the row has no “{ $column }” column
sweeps-error-no-title = Give the sweep a title.
sweeps-error-title-long = The title may be at most { $max } characters.
sweeps-error-guidance-long = The guidance may be at most { $max } characters.
sweeps-orgs-failed = The organisations could not be loaded: { $reason }
sweeps-orgs-loading = Loading organisations…
sweeps-shared-with = Shared with
sweeps-no-vendors = There are no vendor organisations yet.
sweeps-shared-count = { $count ->
    [one] Shared with 1 organisation
   *[other] Shared with { $count } organisations
}
sweeps-not-found = Sweep not found
sweeps-not-found-body = This sweep is not on this device yet. If it was published a moment ago, it appears as soon as sync catches up.
sweeps-all = All sweeps
sweeps-guidance = Guidance
sweeps-read-only = You can read this sweep; agents, specialists and admins work its items.
sweeps-next-unworked = Next unworked item
sweeps-keys-button = Keys (?)
sweeps-keys-title = Keys
sweeps-keys-typing = Keys do nothing while you type in a field; press Escape or click outside it first.
sweeps-keys-close = Close
sweeps-key-next = next item
sweeps-key-previous = previous item
sweeps-key-unworked = take the next unworked item (your own queue first)
sweeps-key-decision = choose decision N
sweeps-key-step = answer checklist step N (a check ticks, a choice moves to its next option)
sweeps-key-note = write a note
sweeps-key-done = mark done or not done
sweeps-key-help = show or hide this list
sweeps-filter-text = Find
sweeps-filter-status = Show
sweeps-filter-decision = Decision
sweeps-filter-any = any
sweeps-filter-all = all items
sweeps-filter-open = not done
sweeps-filter-done = done
sweeps-filter-mine = mine
sweeps-filter-unassigned = nobody's
sweeps-filter-conflicts = with a conflict
sweeps-filter-count = { $shown } of { $total } items
sweeps-filter-assignee = Assigned to
sweeps-filter-anyone = anyone
sweeps-filter-text-example = link, handle, case id, note or name
sweeps-filter-help = Only the rows in view are on the page, so the browser's own find (Ctrl+F) cannot reach the others: type here instead (press / to come here).
sweeps-filter-none = No item matches this filter.
sweeps-items = Items
sweeps-item-label = Item { $n } ({ $position } of { $count } shown)
sweeps-row-conflict = conflict
sweeps-key-find = find items (the list's own find box)
sweeps-guidance-version = Guidance version { $version }: { $title }
sweeps-guidance-event = Event:
sweeps-guidance-window = When:
sweeps-guidance-where = Regions and languages:
sweeps-guidance-escalate = Escalate:
sweeps-guidance-checklist = Checklist for every item
sweeps-guidance-decisions = Decisions
sweeps-ack-title = Guidance version { $version } is in force
sweeps-ack-body = Read it above before your next item. Your answers record the version you worked under.
sweeps-ack-since = What changed since version { $version }, the last one you acknowledged:
sweeps-ack-button = I have read version { $version }
sweeps-change-text = { $part } changed
sweeps-part-title = The title
sweeps-part-event = The event
sweeps-part-description = The description
sweeps-part-escalation = The escalation criteria
sweeps-part-where = The time window, regions or languages
sweeps-change-step-added = New step: { $step }
sweeps-change-step-changed = Step changed: { $step }
sweeps-change-step-removed = Step removed: { $step }
sweeps-change-decision-added = New decision: { $decision }
sweeps-change-decision-changed = Decision changed: { $decision }
sweeps-change-decision-removed = Decision removed: { $decision }
sweeps-checklist = Checklist (version { $version })
sweeps-checklist-older = These answers were given under version { $version }; answering again records the version in force.
sweeps-choose = — choose —
sweeps-answers = checklist answers
sweeps-nothing = nothing
sweeps-done = done
sweeps-not-done = not done
sweeps-field-decision = Decision
sweeps-field-note = Note
sweeps-note-from-template = Write the note from a template
sweeps-field-done = Done
sweeps-field-answers = checklist
sweeps-field-assignee = assignment
sweeps-conflict-title = Conflicting edits to the { $field }.
sweeps-conflict-shown = Shown: “{ $value }” by { $author }.
sweeps-conflict-unseen = Made without seeing it:
sweeps-conflict-value = “{ $value }” by { $author }
sweeps-conflict-keep = Keep “{ $value }”
sweeps-conflict-use = Use “{ $value }”
sweeps-held-by = held by { $name }
sweeps-take = Take
sweeps-pending = waiting to sync
sweeps-pending-title = Saved on this device; not yet on the server
sweeps-worked-by = Decided by { $author }, { $date }
sweeps-dash-title = Dashboard
sweeps-dash-done = Done
sweeps-dash-unassigned = Nobody's
sweeps-dash-escalations = Escalations
sweeps-dash-median = Median time per item
sweeps-dash-conflicts = Conflicts
sweeps-dash-none = not yet known
sweeps-dash-seconds = { $count ->
    [one] 1 second
   *[other] { $count } seconds
}
sweeps-dash-people = Per person
sweeps-dash-orgs = Per organisation
sweeps-dash-person = Person
sweeps-dash-org = Organisation
sweeps-dash-col-done = Done
sweeps-dash-col-remaining = Remaining
sweeps-dash-sections = Decisions per policy section
sweeps-dash-section = Section
sweeps-dash-col-items = Items
sweeps-dash-acks = Acknowledgment of version { $version }
sweeps-dash-col-acknowledged = Acknowledged
sweeps-dash-ack-yes = yes
sweeps-dash-ack-never = not yet
sweeps-dash-ack-old = only version { $version }
sweeps-dash-stale = { $count ->
    [one] 1 stale assignment
   *[other] { $count } stale assignments
}
sweeps-dash-stale-item = Item { $item }, held by { $name }
sweeps-dash-release = Release
sweeps-assign-title = Assignment
sweeps-assign-stale = An assignment may be released after this many minutes without activity
sweeps-assign-stale-range = Give a number of minutes from 1 to { $max }.
sweeps-assign-legend = { $count ->
    [one] Assign the 1 open item nobody holds, round-robin, to
   *[other] Assign the { $count } open items nobody holds, round-robin, to
}
sweeps-assign-nobody = Nobody has worked on or acknowledged this sweep yet.
sweeps-assign-listing = Listing the people of the organisations this sweep is shared with…
sweeps-assign-listed-saved = Offline: the people listed when last online ({ $date }).
sweeps-assign-listed-offline = Offline: only the people this sweep already knows are listed. Everyone in the shared organisations is listed when you are back online.
sweeps-assign-listed-failed = The people of the shared organisations could not be listed: { $reason }
sweeps-assign-everyone = Everyone in { $org }
sweeps-assign-button = { $people ->
    [one] Assign { $count } items to 1 person
   *[other] Assign { $count } items across { $people } people
}
sweeps-export-items = Export items (CSV)
sweeps-export-timeline = Export timeline (CSV)
sweeps-export-json = Export all (JSON)
sweeps-author-title = Write guidance version { $version }
sweeps-author-help = Fill in the form; every change is checked at once, the first problem is shown beside what it is about, and the preview shows what agents will see. The description is Markdown. Under “Advanced” the version can be copied or pasted as JSON.
sweeps-author-draft = A draft of version { $version } is saved; publishing it asks every agent to acknowledge it.
sweeps-author-field = Version { $version } (JSON)
sweeps-author-valid = Ready to save or publish.
sweeps-author-invalid = Not ready yet: { $reason }
sweeps-author-save = Save draft
sweeps-author-publish = Publish version { $version }
sweeps-author-preview = Preview
sweeps-form-title = Title
sweeps-form-event = Event
sweeps-form-window = Time window (your local time; optional)
sweeps-form-window-start = Window starts
sweeps-form-window-end = Window ends
sweeps-form-window-both = Give both the start and the end of the window, or neither.
sweeps-form-regions = Regions (comma-separated)
sweeps-form-languages = Languages (comma-separated codes)
sweeps-form-description = Description (Markdown)
sweeps-form-description-formatting = Formatting the description…
sweeps-form-description-formatted = Formatted as agents will read it (see the preview).
sweeps-form-description-offline = Formatting needs the network: your text is kept as written, and agents read it as plain text until it is formatted online.
sweeps-form-description-refused = The description cannot be formatted ({ $reason }); agents read it as plain text.
sweeps-form-escalation = Escalation criteria
sweeps-form-sections = Linked policy sections (section@version, comma-separated)
sweeps-form-section-format = Write a policy section as section@version, for example civic-integrity.voting-logistics@3.
sweeps-form-step = Step { $n }
sweeps-form-step-label = Question or check
sweeps-form-step-kind = Kind of answer
sweeps-form-kind-check = check (ticked or not)
sweeps-form-kind-choice = choice (one of several options)
sweeps-form-kind-text = short text
sweeps-form-step-options = Options (comma-separated)
sweeps-form-step-required = Required
sweeps-form-step-when = Shown
sweeps-form-step-always = always
sweeps-form-step-missing = only after “{ $step }”, which is not an earlier step
sweeps-form-step-equals = when its answer is
sweeps-form-ticked = ticked
sweeps-form-not-ticked = not ticked
sweeps-form-id = Id (kept across versions)
sweeps-form-step-up = Move step { $n } up
sweeps-form-step-remove = Remove step { $n }
sweeps-form-step-add = Add a step
sweeps-form-decision = Decision { $n }
sweeps-form-decision-label = Label
sweeps-form-decision-section = Policy section (section@version)
sweeps-form-decision-action = Enforcement action
sweeps-form-decision-escalates = Escalates the item to the specialist
sweeps-form-decision-remove = Remove decision { $n }
sweeps-form-decision-add = Add a decision
sweeps-form-json = Advanced: the version as JSON
sweeps-form-json-apply = Put this JSON in the form

## Policy search (the start page)

search-heading = Policy search
search-label = Search policies
search-placeholder = Search policies — press / to focus
search-help = Results update as you type. Press the down arrow to move to the results.
search-loading = Loading the policy library…
search-nothing = Nothing matches “{ $query }”.
search-nothing-filtered = Nothing matches “{ $query }” with these filters.
search-nothing-advice = Check the spelling, use fewer or more general words, or remove a filter. Try:
search-count = { $total ->
    [one] 1 matching section
   *[other] { $total } matching sections
}
search-count-best = Best { $shown } of { $total } matching sections
search-facet-area = Area
search-facet-region = Region
search-facet-language = Language
search-facet-action = Action
search-filter-by-area = Filter by area
search-filter-by-region = Filter by region
search-filter-by-language = Filter by language
search-filter-by-action = Filter by action
search-region-global = Global
search-filter = Filter:
search-active-filters = Active filters
search-remove-filter = Remove filter { $filter }
search-all-policies = All policies ({ $count })
search-policies = Policies
search-policy-meta = v{ $version } · { $sections ->
    [one] 1 section
   *[other] { $sections } sections
}

## Reading lists
nav-reading = Reading lists
palette-kind-reading = Reading list
search-other-language = { $language ->
    [ar] No results in Arabic; showing sections in other languages.
    [ja] No results in Japanese; showing sections in other languages.
   *[other] No results in your query's language; showing sections in other languages.
}
reading-title = Reading lists
reading-intro = Sections of the policy library to read in order, each with a note from your trainer. Tick each one when you have read it.
reading-sign-in = Sign in to see the reading lists shared with your organisation.
reading-none = No reading list has been shared with your organisation yet.
reading-none-write = No reading lists yet. Create one below.
reading-progress = { $read } of { $total } read
reading-new-title = New reading list
reading-field-title = Title
reading-field-description = Description
reading-create = Create list
reading-not-found = This reading list does not exist, or it is not shared with your organisation.
reading-back = All reading lists
reading-by = By { $author }
reading-copy-link = Copy link to this list
reading-link-copied = Link copied
reading-empty = This list has no sections yet.
reading-mark = Mark “{ $section }” as read
reading-changed = Changed since v{ $version }: the current version is v{ $current }. Show what changed
reading-unchanged = Still the same in the current version, v{ $current }.
reading-removed = This section is not in the current version, v{ $current }.
reading-missing = This section is not in the policy library on this device.
reading-read-older = You read v{ $read }; the list now points to v{ $version }.
reading-who-read = Who has read what
reading-nobody = Nobody has marked a section read yet.
reading-reader = Reader
reading-read-count = Read
reading-cell-read = Read
reading-cell-read-old = Read v{ $version }
reading-cell-unread = Not yet
reading-edit = Edit this list
reading-paste-link = Add a section by its link
reading-add = Add
reading-link-bad = That is not a link to a policy section. Copy it from a section's ¶ button or the address bar.
reading-link-unknown = The policy library has no such section at that version.
reading-search = Find a section to add
reading-search-results = Sections found
reading-add-section = Add { $section }
reading-sections = Sections ({ $count } of at most { $max })
reading-note-for = Your note on “{ $section }”
reading-move-up = Move “{ $section }” up
reading-move-down = Move “{ $section }” down
reading-remove = Remove “{ $section }”
reading-remove-short = Remove
reading-save = Save list
reading-saved = Saved.
reading-problem-no-title = A reading list needs a title.
reading-problem-title-long = The title may be at most { $max } characters.
reading-problem-description-long = The description may be at most { $max } characters.
reading-problem-too-many = A reading list holds at most { $max } sections.
reading-problem-note-long = A note may be at most { $max } characters.
reading-problem-bad-item = A section in this list is not well-formed; remove it and add it again.
reading-problem-control = The text holds control characters.
reading-problem-too-large = The notes are too long together; shorten some of them.

## Zip import
import-zip-not-zip = { $file } is not a zip file.
import-zip-damaged = { $file } is damaged or was cut short.
import-zip-damaged-file = { $file } in the zip file is damaged.
import-zip-too-many = { $file } holds more than { $max } entries.
import-zip-file-too-large = { $file } is larger than { $kib } KiB once unpacked.
import-zip-too-large = The zip file's library files are larger than { $mib } MiB together once unpacked.
import-zip-unsupported = { $file } is encrypted, split, or compressed in a way this page cannot read. Zip the folder again without a password.
import-zip-bad-path = { $file } is not a safe path inside the folder.
