## Import of an organization tree and a roster (bot/services/imports.py)

import-sheet-organizations = Organizations
import-sheet-members = Members

import-col-code = Code
import-col-name = Name
import-col-level = Level
import-col-kind = Kind
import-col-parent_code = Parent code
import-col-timezone = Time zone
import-col-org_code = Org code
import-col-phone = Phone
import-col-role = Role
import-col-telegram_id = Telegram ID

import-report-summary = Import finished: { $created } created, { $updated } updated, { $unchanged } unchanged, { $rejected } rejected.
import-report-row = { $sheet }, row { $row }: { $reason }
import-report-more = … and { $count } more rejected rows.

import-error-format = The file could not be read. Please send an .xlsx or .csv file whose header row holds the column titles of the template.
import-error-too-many-rows = A file may hold at most { $max } rows. Please split it into several files.
import-error-duplicate-column = The column “{ $column }” appears twice.
import-error-required = The column “{ $column }” must not be empty.
import-error-code = “{ $code }” is not a valid code: use 1–64 Latin letters, digits and the signs - _ .
import-error-org-name = An organization name must be 1–{ $max } characters long.
import-error-unknown-level = Unknown level “{ $value }” (committee, general_branch, branch or group).
import-error-unknown-kind = Unknown kind “{ $value }”.
import-error-unknown-role = Unknown role “{ $value }”.
import-error-timezone = Unknown time zone “{ $timezone }” (for example Asia/Shanghai).
import-error-duplicate-code = The code { $code } already appears in an earlier row.
import-error-parent-missing = There is no parent organization with the code { $code }.
import-error-parent-rejected = The parent organization { $code } was not imported: its own row has an error.
import-error-cycle = The organization { $code } cannot stand under itself.
import-error-placement = An organization of level { $level } cannot stand under one of level { $parent }.
import-error-root-denied = Only the system operator can create a top-level organization (empty parent code).
import-error-level-children = The level of { $code } cannot change: its sub-organizations would no longer fit under it.
import-error-level-roles = The level of { $code } cannot change: some of its people hold roles that do not exist at the new level.
import-error-access-denied = You may not make this change here.
import-error-org-missing = There is no organization with the code { $code }.
import-error-org-rejected = The organization { $code } was not imported: its own row has an error.
import-error-person-name = A name must be 1–{ $max } characters long, without control characters.
import-error-phone = “{ $phone }” is not a valid phone number.
import-error-role-not-at-level = The role { $role } does not exist in an organization of level { $level }.
import-error-telegram-id = “{ $value }” is not a valid Telegram ID.
import-error-duplicate-person = An earlier row describes the same person (same Telegram ID or phone) differently.
import-error-person-locked = This person also belongs to organizations you do not manage, so your import cannot change their details.
import-error-person-linked = This person is on Telegram and keeps their own name and phone; an import cannot change them. Leave those cells as they are, or empty.
