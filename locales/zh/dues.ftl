command-dues = 党费：应交、已交、补交

## /dues: the member's account
dues-account-title = 💰 我的党费 · { $branch }
dues-account-none = 支部还没有为您核定党费标准，请联系支部书记。
dues-account-category = 类别：{ $category }
dues-account-base = 计算基数：{ $base } 元/月
dues-account-amount = 每月应交：{ $amount } 元
dues-account-reduced = （按规定为 { $rule } 元；减免原因：{ $reason }）
dues-account-paid-year = { $year } 年已交：{ $months }
dues-account-paid-year-none = { $year } 年还没有交过党费。
dues-account-owed = 未交月份：{ $months }，共 { $amount } 元
dues-account-too-old = 其中 { $months } 已超过六个月，不能再补交，请联系支部书记。
dues-account-clear = ✅ 没有欠交的党费。
dues-account-streak = ⚠ 已连续 { $count } 个月未交。
dues-account-pending = 有 { $count } 笔缴费报告等待支部确认。
dues-home-officer = 📊 支部党费管理：

dues-category-employed = 在职
dues-category-retired = 离退休
dues-category-farmer = 农牧民
dues-category-student = 学生
dues-category-low_income = 下岗失业、低保
dues-category-annual_salary = 年薪制
dues-category-self_employed = 无固定工资收入
dues-category-hardship = 生活困难（减免）

dues-button-report = 💰 报告已交党费
dues-button-mine = 📜 我的缴费记录
dues-button-branch = 📊 { $branch }
dues-button-branches = 🏢 选择支部
dues-button-home = ↩ 返回党费首页
dues-button-back = ↩ 返回
dues-button-abort = ✖ 取消
dues-button-next = 下一步 ▶
dues-button-accept-amount = ✅ 交了 { $amount } 元
dues-button-skip-photo = 没有凭证，跳过
dues-button-submit = ✅ 提交报告
dues-button-paid-by = 👤 是别人代交的
dues-button-confirm = ✅ 确认收到
dues-button-reject = ✖ 退回
dues-button-receipt = 📷 查看凭证
dues-button-prev-month = ◀ 上个月
dues-button-next-month = 下个月 ▶
dues-button-pending = 🧾 待确认（{ $count }）
dues-button-record = ✍ 登记缴费
dues-button-assess = ⚙ 核定党费标准
dues-button-year = 📅 全年汇总
dues-button-month-xlsx = 📥 本月台账
dues-button-year-xlsx = 📥 全年台账
dues-button-all-unpaid = 选中本月未交的全部党员
dues-button-this-month = 本月（{ $month }）
dues-button-quarter = 本季度（{ $quarter }）
dues-button-choose-months = 选择月份
dues-button-no-paid-by = 本人缴纳，无代交人
dues-button-record-confirm = ✅ 确认登记
dues-button-no-reduction = 不减免
dues-button-save = ✅ 保存
dues-branches-title = 查看哪个支部的党费？
dues-not-assessed-mark = 未核定

dues-mine-title = 📜 我的缴费记录
dues-mine-empty = 还没有缴费记录。
dues-mine-line = { $date } · { $months } · { $amount } 元 · { $status }
dues-mine-note = ↳ 退回原因：{ $reason }
dues-status-reported = 待确认
dues-status-confirmed = 已确认
dues-status-rejected = 已退回

## reporting a payment
dues-nothing-to-pay = 现在没有可以交的月份。
dues-report-ask-months = 这次交的是哪几个月？点月份选中或取消（已选 { $count } 个月，合计 { $total } 元）。
dues-report-ask-amount = { $months } 共应交 { $total } 元。交的就是这个数就点按钮；交得更多（自愿多交）请直接输入实际金额，例如 50 或 50.5。
dues-report-ask-photo = 金额 { $amount } 元。请发一张转账截图或收据照片作为凭证，没有就点“跳过”。
dues-report-photo-expected = 请发一张照片，或点“跳过”。
dues-report-confirm = 请核对后提交：
dues-report-ask-paid-by = 请输入代交人的姓名（例如：女儿王芳）。
dues-report-sent = ✅ 已报告给「{ $branch }」，支部确认后会通知您。
dues-aborted = 已取消。

dues-payment-months = 月份：{ $months }
dues-payment-amount = 金额：{ $amount } 元（应交 { $due } 元）
dues-payment-extra = 其中自愿多交 { $amount } 元
dues-payment-paid-by = 代交人：{ $name }
dues-payment-receipt = 📷 附有缴费凭证

## officers: reports to confirm
dues-notice-reported = 🧾 { $name } 报告已交党费（{ $branch }），请核对后确认：
dues-notice-confirmed = ✅ 您报告的党费（{ $months }，{ $amount } 元）已由支部确认入账。
dues-notice-rejected = ✖ 您报告的党费（{ $months }，{ $amount } 元）被支部退回：{ $reason }
    可以用 /dues 重新报告。
dues-card-title = 🧾 { $name } 的缴费报告 · { $status }
dues-confirmed-done = ✅ 已确认 { $name } 的党费：
dues-reject-ask = 请输入退回 { $name } 这笔报告的原因（会转告本人）。
dues-rejected-done = 已退回 { $name } 的报告，并告知了本人。
dues-pending-title = 🧾 待确认的缴费报告 { $count } 笔：
dues-pending-empty = 没有待确认的缴费报告。

## a branch's overview
dues-overview-title = 📊 { $branch } · { $month } 党费
dues-overview-none = 还没有为任何党员核定党费标准。
dues-overview-totals = 已核定 { $assessed } 人：应交 { $due } 元，已交 { $paid } 元（{ $count } 人）
dues-overview-unpaid = 未交 { $count } 人：
dues-overview-unpaid-line = • { $name } { $amount } 元{ $streak ->
    [0] {""}
   *[other] （连续 { $streak } 个月未交）
}
dues-overview-more = … 另有 { $count } 人
dues-overview-all-paid = ✅ 本月应交党费的党员都已交齐。
dues-overview-unassessed = 未核定党费标准的党员 { $count } 人：{ $names }
dues-overview-pending = 🧾 待确认的缴费报告 { $count } 笔
dues-year-title = 📅 { $branch } · { $year } 年党费
dues-year-line = { $month }：应交 { $due } 元，已交 { $paid } 元
dues-year-totals = 全年：应交 { $due } 元，已交 { $paid } 元；欠交 { $arrears } 元

## recording payments
dues-record-no-members = 还没有需要缴费的党员，请先核定党费标准。
dues-record-ask-members = 登记哪些党员的缴费？点姓名选中（已选 { $count } 人，✔ 表示本月已交）。
dues-record-ask-months = 已选 { $count } 人。登记哪几个月？
dues-record-choose-months = 选择月份（最多补交前六个月，预交后三个月）：
dues-record-ask-paid-by = 如果是别人代交的（如党小组长代收），请输入代交人姓名；否则点按钮。
dues-record-preview = 将为 { $count } 人登记 { $months }，合计 { $total } 元（代交人：{ $paid_by }）：
dues-record-line = • { $name }：{ $months }，{ $amount } 元
dues-record-skipped-paid = ↳ { $name } 的 { $months } 已交过，跳过
dues-record-skipped-pending = ↳ { $name } 的 { $months } 本人已报告，请在“待确认”中确认，跳过
dues-record-skipped-not-due = ↳ { $name } 的 { $months } 无需缴纳，跳过
dues-record-nothing = 没有需要登记的月份。
dues-record-done = ✅ 已为 { $count } 人登记缴费，合计 { $total } 元：

## dues settings
dues-assess-no-members = 这个支部还没有党员。
dues-assess-ask-member = 为哪位党员核定党费标准？
dues-assess-ask-category = { $name } 属于哪一类？
dues-assess-ask-base = 请输入 { $name } 的计算基数（{ $category }：每月税后工资或退休金，单位元），例如 4500。
dues-assess-ask-reduction = { $name } 按规定每月应交 { $rule } 元。如经批准减免，请输入减免后的金额（0 表示免交）；否则点“不减免”。
dues-assess-ask-hardship = 请输入 { $name } 经批准后每月应交的金额（0 表示免交）。
dues-assess-ask-reason = 请输入减免的原因（会记录在案）。
dues-assess-preview = 请核对：{ $name } · { $category } · 每月 { $amount } 元
dues-assess-saved = ✅ 已保存：{ $name } 从 { $month } 起每月交 { $amount } 元。

## 缴纳日与农牧民党员党费标准
dues-button-dues-day = 📅 修改党费缴纳日
dues-button-farmer = 🌾 农牧民党员党费标准 · { $committee }
dues-source-own = 本级设置
dues-source-from = { $org }设置
dues-source-default = 默认
dues-day-line = 📅 党费缴纳日：每月 { $day } 日（{ $source }）
dues-farmer-line = 🌾 { $committee }：农牧民党员每月交 { $amount } 元（{ $source }）
dues-day-ask = { $branch } 的党费缴纳日为每月 { $day } 日（{ $source }）。当天 9:00 提醒党员缴纳；{ $digest } 天后向支委发送汇总，未交的月份记为欠缴。
    请输入新的缴纳日（1 到 28），例如 15。
dues-day-saved = ✅ { $branch } 的党费缴纳日已改为每月 { $day } 日。
    下次提醒党员：{ $reminder }
    下次向支委汇总：{ $digest }
dues-farmer-ask = { $committee } 农牧民党员每月交 { $amount } 元（{ $source }）。下属没有单独设置的支部都按此标准核定。
    请输入新的每月金额（{ $min } 到 { $max } 元），例如 0.5。
dues-farmer-saved = ✅ { $committee } 农牧民党员的党费标准已改为每月 { $amount } 元，今后核定时按此标准。
    已核定的党员金额不变，支部书记重新核定后才按新标准缴纳。

## the XLSX ledger
dues-xlsx-title-month = { $branch } { $month } 党费台账
dues-xlsx-title-year = { $branch } { $year } 年党费台账
dues-xlsx-member = 姓名
dues-xlsx-category = 类别
dues-xlsx-due = 应交（元）
dues-xlsx-paid = 实交（元）
dues-xlsx-paid-on = 缴纳日期
dues-xlsx-arrears-months = 欠交月数
dues-xlsx-arrears = 欠交金额（元）
dues-xlsx-total = 合计
dues-xlsx-due-total = 全年应交（元）
dues-xlsx-paid-total = 全年实交（元）

## errors
dues-error-not-member = 这是党员缴纳党费的功能，您不是支部的党员。
dues-error-nothing = 党费功能只对党员和支部委员开放。
dues-error-no-months = 请至少选一个月份。
dues-error-month-pending = { $month } 已经在一笔待确认的报告里了。
dues-error-month-paid = { $month } 已经交过了。
dues-error-month-window = { $month } 不能交：只能补交前六个月、预交后三个月内已核定的月份。
dues-error-amount = 请输入金额，例如 12 或 12.50。
dues-error-amount-large = 金额不能超过 { $max } 元。
dues-error-amount-low = 金额不能少于应交的 { $total } 元。
dues-error-paid-by = 代交人姓名最多 { $max } 个字。
dues-error-payment-gone = 找不到这笔缴费记录。
dues-error-already-confirmed = 这笔缴费已经确认过了，无需再确认。
dues-error-already-rejected = 这笔缴费报告已经退回了。
dues-error-confirm-paid = 不能确认：{ $months } 在此期间已经登记为已交。请退回这笔报告并说明。
dues-error-confirm-not-due = 不能确认：其中有的月份已无需缴纳（党费标准已改）。请退回这笔报告。
dues-error-confirm-amount = 不能确认：金额低于现在应交的 { $total } 元（党费标准已改）。请退回这笔报告。
dues-error-reason = 请填写原因（最多 { $max } 字）。
dues-error-base-missing = 这一类需要填写计算基数。
dues-error-base-range = 计算基数应在 0 到 { $max } 元之间。
dues-error-base-zero = 按这个计算基数每月应交 0 元，请核对后重新输入。如经批准免交，请输入实际基数，再把减免后的金额填为 0 并写明原因。
dues-error-hardship = 生活困难党员需要填写减免后的金额。
dues-error-reduction = 减免后的金额应在 0 到 { $max } 元之间。
dues-error-member = 这位不是本支部需要缴费的党员。
dues-error-ledger-month = 只能查看本月及以前的月份。
dues-error-no-members = 请至少选一位党员。
dues-error-batch-large = 一次最多登记 { $max } 人。
dues-error-race = 刚刚有人同时修改了这些记录，请重新开始。
dues-error-category = 请从按钮中选择类别。
dues-error-dues-day = 请输入 1 到 28 之间的日期，例如 15。
dues-error-farmer-range = 请输入 { $min } 到 { $max } 元之间的金额，例如 0.5。
