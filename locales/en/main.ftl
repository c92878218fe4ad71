## Common
button-cancel = Cancel
flow-cancelled = Cancelled.
flow-nothing-to-cancel = There is nothing to cancel.
fallback-unknown = Sorry, I did not understand. Send /help to see what I can do.

## Command menu
command-start = Start
command-help = Help: what I can do
command-me = My organizations and roles
command-language = Change language
command-org = Organizations and members
command-invite = Create an invite link
command-requests = Join requests waiting for you
command-import = Import organizations and roster from Excel/CSV

## Start
start-welcome-new =
    Hello! I am Zhibu, the branch assistant: meetings, themed Party days, sign-in, dues and residents' needs.
    To join your branch, ask your branch secretary for an invite link and open it.
    Send /language to change the language (中文 / ᠮᠣᠩᠭᠣᠯ).
start-welcome-back =
    Welcome back, { $name }!
    { $roles }
    Send /help to see what you can do.

## Joining
join-intro =
    You are invited to join "{ $org }" as { $role }.
    Please send the name your branch should see (or tap the button to use your Telegram name).
join-name-expected = Please send your name as text, or /cancel.
join-ask-phone =
    { $name }, please share your phone number so the secretary can match you with the roster (you may skip this).
join-share-phone = 📱 Share my phone number
join-skip-phone = Skip
join-phone-expected = Please tap "Share my phone number" or "Skip".
join-submitted = Request sent: "{ $org }" as { $role }. You will be told when the secretary decides.
join-submitted-no-approver = Request sent: "{ $org }" as { $role }. Nobody there can approve it yet; please contact the organization above.
join-request-notice =
    New join request
    Name: { $name }
    Organization: { $org }
    Role: { $role }
    Phone: { $phone }
join-approve = ✅ Approve
join-reject = ❌ Reject
join-decided-approved = ✅ { $name } joined "{ $org }" as { $role } (approved by { $by }).
join-decided-rejected = ❌ The request of { $name } to join "{ $org }" was rejected (by { $by }).
join-approved = 🎉 You have joined "{ $org }" as { $role }. Send /help to see what you can do.
join-rejected = Sorry, your request to join "{ $org }" as { $role } was not approved. Please contact your branch secretary if you have questions.

## Pending requests
requests-none = No join requests are waiting.
requests-header = Join requests waiting: { $count }.
requests-more = { $count } more; please decide the ones above first.

## Organization navigator
nav-pick = ✓ Choose "{ $name }"
nav-prev = ◀ Previous
nav-next = Next ▶
nav-up = ⬆ Up
nav-title-invite = Invite to which organization?
nav-title-invite-at = Invite to "{ $org }" or one below it?
nav-title-view = Your organizations:
org-card =
    Code: { $code } · Time zone: { $timezone } · Units below: { $children }
    People: { $counts }
org-not-on-telegram = (not on Telegram yet)
org-roster-more = …and { $count } more.

## Invites
invite-choose-role = "{ $org }": invite as which role?
invite-choose-uses = "{ $org }" · { $role }: how many people may use this link?
invite-uses-option = { $uses }×
invite-choose-days = "{ $org }" · { $role } · { $uses }×: valid for how long?
invite-days-option = { $days } d
invite-created =
    Invite link ready
    Organization: { $org }
    Role: { $role }
    Uses: { $uses }
    Valid until: { $expires }
    { $link }
    Forward it to the people you invite; you approve every request.
invite-revoke = Revoke this link
invite-revoked = The link is revoked.

## Help and profile
help-header = Commands you can use:
help-no-roles = You have not joined any organization yet. Ask your branch secretary for an invite link.
me-no-roles = { $name }, you have not joined any organization yet.
me-roles =
    { $name }, your organizations and roles:
    { $roles }
language-choose = Choose your language:
language-set = Language set to English.
language-name-zh = 中文
language-name-mn = ᠮᠣᠩᠭᠣᠯ
language-name-en = English

## Import
import-send-file = Send an Excel (.xlsx) or CSV file (at most { $max_mb } MB). You can fill in this template; importing the same file again creates nothing twice. Send /cancel to stop.
import-template-filename = import-template
import-too-large = The file is too large; at most { $max_mb } MB.
import-file-expected = Please send a .xlsx or .csv file as a document, or /cancel.

## Roles, levels, kinds
role-admin = organization department admin
role-secretary = secretary
role-deputy_secretary = deputy secretary
role-committee_member = branch committee member
role-group_leader = party group leader
role-central_household = central household
role-member = full member
role-probationary_member = probationary member
role-resident = resident
level-committee = party committee
level-general_branch = general branch
level-branch = branch
level-group = party group
kind-village = village (gaqa)
kind-community = community
kind-enterprise = enterprise / social organization
kind-office = government office
kind-school = school
kind-hospital = hospital
kind-project = temporary project branch
kind-grid = grid
kind-express = express delivery
kind-other = other

## Errors
error-generic = That could not be done.
error-unexpected = Something went wrong. Please try again later, or send /start to see where things stand.
error-access-denied = You are not allowed to do that.
error-not-found = Not found; it may have been removed.
error-invalid-input = That input is not valid.
error-conflict = That conflicts with an existing record.
error-stale-button = This button is out of date. Please send the command again.
error-name-length = A name must have 1 to { $max } characters.
error-name-chars = The name contains characters I cannot accept; please type it again.
error-phone-invalid = That phone number does not look right.
error-phone-not-own = Please share your own number with the button, not someone else's contact.
error-language-unknown = That language is not supported.
error-org-code = An organization code may contain letters, digits, dots, underscores and dashes, at most 64.
error-org-name = An organization name must have 1 to 200 characters.
error-timezone = Unknown time zone: { $timezone }.
error-org-placement = A "{ $level }" cannot be placed under "{ $parent }".
error-org-parent-missing = No parent organization with code { $code }.
error-org-code-taken = The organization code { $code } is already taken.
error-role-not-at-level = That role does not exist at this level of organization.
error-invite-uses = The number of uses must be between 1 and { $max }.
error-invite-ttl = An invite can be valid for at most { $days } days.
error-invite-invalid = This invite link is not valid. Please ask your secretary for a new one.
error-invite-revoked = This invite link was revoked. Please ask your secretary for a new one.
error-invite-expired = This invite link has expired. Please ask your secretary for a new one.
error-invite-used-up = This invite link has been used up. Please ask your secretary for a new one.
error-join-already-member = You are already in "{ $org }".
error-join-already-pending = Your request to join "{ $org }" is waiting for approval.
error-join-already-decided = This request has already been decided.
