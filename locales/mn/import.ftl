## ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠪᠠ ᠭᠡᠰᠢᠭᠦᠳ ᠦᠨ ᠨᠡᠷᠡᠰ ᠢ ᠣᠷᠣᠭᠤᠯᠬᠤ (bot/services/imports.py)

import-sheet-organizations = ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ
import-sheet-members = ᠭᠡᠰᠢᠭᠦᠳ

import-col-code = ᠺᠣᠳ᠋
import-col-name = ᠨᠡᠷᠡ
import-col-level = ᠲᠦᠪᠰᠢᠨ
import-col-kind = ᠲᠥᠷᠥᠯ
import-col-parent_code = ᠳᠡᠭᠡᠳᠦ ᠺᠣᠳ᠋
import-col-timezone = ᠴᠠᠭ ᠤᠨ ᠪᠦᠰᠡ
import-col-org_code = ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠺᠣᠳ᠋
import-col-phone = ᠤᠲᠠᠰᠤ
import-col-role = ᠦᠦᠷᠭᠡ
import-col-telegram_id = Telegram ID

import-report-summary = ᠣᠷᠣᠭᠤᠯᠤᠯᠲᠠ ᠳᠠᠭᠤᠰᠪᠠ᠄ ᠰᠢᠨ᠎ᠡ ᠪᠡᠷ ᠨᠡᠮᠡᠭᠰᠡᠨ { $created }᠂ ᠰᠢᠨᠡᠳᠬᠡᠭᠰᠡᠨ { $updated }᠂ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ { $unchanged }᠂ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ { $rejected }᠃
import-report-row = { $sheet }᠂ ᠮᠥᠷ { $row }᠄ { $reason }
import-report-more = … ᠪᠠᠰᠠ { $count } ᠮᠥᠷ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃

import-error-format = ᠹᠠᠶᠢᠯ ᠢ ᠤᠩᠰᠢᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃ .xlsx ᠪᠤᠶᠤ .csv ᠹᠠᠶᠢᠯ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠭᠠᠷᠴᠠᠭ ᠤᠨ ᠮᠥᠷ ᠲᠦ ᠨᠢ ᠵᠠᠭᠪᠤᠷ ᠤᠨ ᠪᠠᠭᠠᠨ᠎ᠠ ᠶᠢᠨ ᠨᠡᠷᠡᠰ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭᠲᠡᠢ᠃
import-error-too-many-rows = ᠨᠢᠭᠡ ᠹᠠᠶᠢᠯ ᠳᠤ ᠬᠠᠮᠤᠭ ᠢᠬᠡᠳᠡ { $max } ᠮᠥᠷ ᠪᠠᠶᠢᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃ ᠹᠠᠶᠢᠯ ᠢ ᠬᠤᠪᠢᠶᠠᠵᠤ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
import-error-duplicate-column = ᠳᠠᠪᠬᠤᠷᠳᠠᠭᠰᠠᠨ ᠪᠠᠭᠠᠨ᠎ᠠ᠄ «{ $column }»᠃
import-error-required = «{ $column }» ᠪᠠᠭᠠᠨ᠎ᠠ ᠬᠤᠭᠤᠰᠤᠨ ᠪᠠᠶᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃
import-error-code = «{ $code }» ᠺᠣᠳ᠋ ᠵᠥᠪ ᠪᠤᠰᠤ᠄ 1–64 ᠯᠠᠲᠢᠨ ᠦᠰᠦᠭ᠂ ᠲᠣᠭ᠎ᠠ ᠪᠤᠶᠤ - _ . ᠲᠡᠮᠳᠡᠭ ᠬᠡᠷᠡᠭᠯᠡᠭᠡᠷᠡᠢ᠃
import-error-org-name = ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠨᠡᠷᠡ 1–{ $max } ᠲᠡᠮᠳᠡᠭ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭᠲᠡᠢ᠃
import-error-unknown-level = ᠮᠡᠳᠡᠭᠳᠡᠬᠦ ᠦᠭᠡᠢ ᠲᠦᠪᠰᠢᠨ᠄ «{ $value }» (committee᠂ general_branch᠂ branch᠂ group)᠃
import-error-unknown-kind = ᠮᠡᠳᠡᠭᠳᠡᠬᠦ ᠦᠭᠡᠢ ᠲᠥᠷᠥᠯ᠄ «{ $value }»᠃
import-error-unknown-role = ᠮᠡᠳᠡᠭᠳᠡᠬᠦ ᠦᠭᠡᠢ ᠦᠦᠷᠭᠡ᠄ «{ $value }»᠃
import-error-timezone = ᠮᠡᠳᠡᠭᠳᠡᠬᠦ ᠦᠭᠡᠢ ᠴᠠᠭ ᠤᠨ ᠪᠦᠰᠡ᠄ «{ $timezone }» (ᠵᠢᠱᠢᠶᠡ᠄ Asia/Shanghai)᠃
import-error-duplicate-code = { $code } ᠺᠣᠳ᠋ ᠡᠮᠦᠨᠡᠬᠢ ᠮᠥᠷ ᠲᠦ ᠪᠠᠶᠢᠨ᠎ᠠ᠃
import-error-parent-missing = { $code } ᠺᠣᠳ᠋ ᠲᠠᠢ ᠳᠡᠭᠡᠳᠦ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠣᠯᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃
import-error-parent-rejected = ᠳᠡᠭᠡᠳᠦ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠣᠷᠣᠭᠤᠯᠤᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ (ᠺᠣᠳ᠋᠄ { $code })᠄ ᠲᠡᠭᠦᠨ ᠦ ᠮᠥᠷ ᠲᠦ ᠠᠯᠳᠠᠭ᠎ᠠ ᠪᠠᠶᠢᠨ᠎ᠠ᠃
import-error-cycle = ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠥᠪᠡᠷ ᠦᠨ ᠳᠣᠣᠷ᠎ᠠ ᠪᠠᠶᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ (ᠺᠣᠳ᠋᠄ { $code })᠃
import-error-placement = { $level } ᠲᠦᠪᠰᠢᠨ ᠦ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ { $parent } ᠲᠦᠪᠰᠢᠨ ᠦ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠳᠣᠣᠷ᠎ᠠ ᠪᠠᠶᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃
import-error-root-denied = ᠵᠥᠪᠬᠡᠨ ᠰᠢᠰᠲ᠋ᠧᠮ ᠦᠨ ᠬᠠᠮᠢᠶᠠᠷᠤᠭᠴᠢ ᠬᠠᠮᠤᠭ ᠳᠡᠭᠡᠳᠦ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢ ᠪᠠᠶᠢᠭᠤᠯᠵᠤ ᠴᠢᠳᠠᠨ᠎ᠠ (ᠳᠡᠭᠡᠳᠦ ᠺᠣᠳ᠋ ᠬᠤᠭᠤᠰᠤᠨ)᠃
import-error-level-children = { $code } ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠲᠦᠪᠰᠢᠨ ᠢ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠄ ᠳᠣᠣᠷᠠᠬᠢ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠨᠢ ᠲᠣᠬᠢᠷᠠᠬᠤ ᠦᠭᠡᠢ ᠪᠣᠯᠤᠨ᠎ᠠ᠃
import-error-level-roles = { $code } ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠲᠦᠪᠰᠢᠨ ᠢ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠄ ᠵᠠᠷᠢᠮ ᠭᠡᠰᠢᠭᠦᠨ ᠦ ᠦᠦᠷᠭᠡ ᠰᠢᠨ᠎ᠡ ᠲᠦᠪᠰᠢᠨ ᠳᠦ ᠪᠠᠶᠢᠬᠤ ᠦᠭᠡᠢ᠃
import-error-access-denied = ᠲᠠᠨ ᠳᠤ ᠡᠨᠳᠡ ᠡᠢᠮᠦ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠯᠲᠡ ᠬᠢᠬᠦ ᠡᠷᠬᠡ ᠦᠭᠡᠢ᠃
import-error-org-missing = { $code } ᠺᠣᠳ᠋ ᠲᠠᠢ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠣᠯᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃
import-error-org-rejected = ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠣᠷᠣᠭᠤᠯᠤᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ (ᠺᠣᠳ᠋᠄ { $code })᠄ ᠲᠡᠭᠦᠨ ᠦ ᠮᠥᠷ ᠲᠦ ᠠᠯᠳᠠᠭ᠎ᠠ ᠪᠠᠶᠢᠨ᠎ᠠ᠃
import-error-person-name = ᠨᠡᠷᠡ 1–{ $max } ᠲᠡᠮᠳᠡᠭ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭᠲᠡᠢ᠂ ᠲᠤᠰᠬᠠᠢ ᠲᠡᠮᠳᠡᠭ ᠪᠠᠶᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃
import-error-phone = «{ $phone }» ᠤᠲᠠᠰᠤᠨ ᠤ ᠳ᠋ᠤᠭᠠᠷ ᠵᠥᠪ ᠪᠤᠰᠤ᠃
import-error-role-not-at-level = { $role } ᠦᠦᠷᠭᠡ { $level } ᠲᠦᠪᠰᠢᠨ ᠦ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠳᠤ ᠪᠠᠶᠢᠬᠤ ᠦᠭᠡᠢ᠃
import-error-telegram-id = «{ $value }» Telegram ID ᠵᠥᠪ ᠪᠤᠰᠤ᠃
import-error-duplicate-person = ᠡᠮᠦᠨᠡᠬᠢ ᠮᠥᠷ ᠲᠦ ᠶᠠᠭ ᠲᠡᠷᠡ ᠬᠦᠮᠦᠨ (ᠠᠳᠠᠯᠢ Telegram ID ᠪᠤᠶᠤ ᠤᠲᠠᠰᠤᠨ ᠤ ᠳ᠋ᠤᠭᠠᠷ) ᠢ ᠥᠭᠡᠷ ᠪᠠᠷ ᠪᠢᠴᠢᠭᠰᠡᠨ ᠪᠠᠶᠢᠨ᠎ᠠ᠃
import-error-person-locked = ᠡᠨᠡ ᠬᠦᠮᠦᠨ ᠲᠠᠨ ᠤ ᠬᠠᠮᠢᠶᠠᠷᠬᠤ ᠦᠭᠡᠢ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠳᠤ ᠪᠠᠰᠠ ᠪᠠᠶᠢᠳᠠᠭ ᠲᠤᠯᠠ ᠲᠡᠭᠦᠨ ᠦ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠲᠠᠨ ᠤ ᠣᠷᠣᠭᠤᠯᠤᠯᠲᠠ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠵᠦ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠃
import-error-person-linked = ᠡᠨᠡ ᠬᠦᠮᠦᠨ Telegram ᠢᠶᠠᠷ ᠡᠯᠰᠡᠭᠰᠡᠨ᠂ ᠨᠡᠷᠡ ᠪᠠ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ ᠢᠶᠡᠨ ᠥᠪᠡᠷ ᠥᠭᠴᠡᠢ᠃ ᠣᠷᠣᠭᠤᠯᠤᠯᠲᠠ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠵᠦ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠃
