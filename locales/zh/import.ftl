## 导入组织架构和名册（bot/services/imports.py）

import-sheet-organizations = 组织
import-sheet-members = 成员

import-col-code = 编码
import-col-name = 名称
import-col-level = 层级
import-col-kind = 类型
import-col-parent_code = 上级编码
import-col-timezone = 时区
import-col-org_code = 组织编码
import-col-phone = 手机号
import-col-role = 角色
import-col-telegram_id = Telegram ID

import-report-summary = 导入完成：新建 { $created }，更新 { $updated }，未变 { $unchanged }，未导入 { $rejected }。
import-report-row = { $sheet } 第 { $row } 行：{ $reason }
import-report-more = ……另有 { $count } 行未导入。

import-error-format = 无法读取该文件。请发送 .xlsx 或 .csv 文件，并在标题行填写模板中的列名。
import-error-too-many-rows = 一个文件最多 { $max } 行，请拆分成几个文件分别导入。
import-error-duplicate-column = 列「{ $column }」出现了两次。
import-error-required = 「{ $column }」一列不能为空。
import-error-code = 编码「{ $code }」无效：只能使用 1–64 个英文字母、数字和 - _ . 符号。
import-error-org-name = 组织名称须为 1–{ $max } 个字符。
import-error-unknown-level = 无法识别的层级「{ $value }」（可填：党委、党总支、党支部、党小组）。
import-error-unknown-kind = 无法识别的类型「{ $value }」。
import-error-unknown-role = 无法识别的角色「{ $value }」。
import-error-timezone = 无法识别的时区「{ $timezone }」（例如 Asia/Shanghai）。
import-error-duplicate-code = 编码 { $code } 在前面的行中已经出现过。
import-error-parent-missing = 找不到编码为 { $code } 的上级组织。
import-error-parent-rejected = 上级组织 { $code } 所在的行有错误，未能导入。
import-error-cycle = 组织 { $code } 不能成为它自己的下级。
import-error-placement = 层级为 { $level } 的组织不能设在层级为 { $parent } 的组织之下。
import-error-root-denied = 只有系统管理员可以创建顶级组织（上级编码为空）。
import-error-level-children = 不能修改 { $code } 的层级：它的下级组织将不再符合层级关系。
import-error-level-roles = 不能修改 { $code } 的层级：其中有成员的角色在新层级中不存在。
import-error-access-denied = 您无权在这里进行此项修改。
import-error-org-missing = 找不到编码为 { $code } 的组织。
import-error-org-rejected = 组织 { $code } 所在的行有错误，未能导入。
import-error-person-name = 姓名须为 1–{ $max } 个字符，且不能包含控制字符。
import-error-phone = 手机号「{ $phone }」无效。
import-error-role-not-at-level = 角色 { $role } 不适用于层级为 { $level } 的组织。
import-error-telegram-id = Telegram ID「{ $value }」无效。
import-error-duplicate-person = 前面的行对同一个人（相同的 Telegram ID 或手机号）填写了不同的信息。
import-error-person-locked = 此人还属于您无权管理的组织，不能通过您的导入修改其信息。
import-error-person-linked = 此人已通过 Telegram 加入，姓名和手机号由本人填写，导入不能修改；请保留原样或留空。
