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
policy-link-paragraph = Link to paragraph { $number }
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

## Library updates in open tabs (lookup2)

library-update-available = A new version of the policy library is available.
library-update-show = Show it

## Library import page (lookup2)

import-title = Import policies
import-intro = Choose the library folder, or some of its files. You will see every problem, or what will change, before anything is saved.
import-folder = Library folder
import-files = Or files
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
