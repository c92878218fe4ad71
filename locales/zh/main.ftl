## 通用
button-cancel = 取消
flow-cancelled = 已取消。
flow-nothing-to-cancel = 当前没有进行中的操作。
fallback-unknown = 没有听懂。发送 /help 查看可用的命令。

## 命令菜单
command-start = 开始
command-help = 帮助：我能做什么
command-me = 我的组织和身份
command-language = 切换语言
command-org = 查看组织和成员
command-invite = 生成邀请链接
command-requests = 待审批的加入申请
command-import = 从 Excel/CSV 导入组织和名册

## 开始
start-welcome-new =
    您好！我是支部助手，帮助党支部处理三会一课、主题党日、签到、党费和群众诉求。
    要加入您的支部，请向支部书记索取邀请链接，点开即可。
    发送 /language 可以切换语言（ᠮᠣᠩᠭᠣᠯ / English）。
start-welcome-back =
    { $name }，欢迎回来！
    { $roles }
    发送 /help 查看可用的命令。

## 加入
join-intro =
    邀请您加入「{ $org }」，身份：{ $role }。
    请发送您希望支部看到的姓名（可直接点下方按钮使用 Telegram 名字）。
join-name-expected = 请用文字发送您的姓名，或发送 /cancel 取消。
join-ask-phone =
    { $name }，请分享您的手机号，方便书记核对名册（可跳过）。
join-share-phone = 📱 分享我的手机号
join-skip-phone = 跳过
join-phone-expected = 请点“分享我的手机号”或“跳过”。
join-submitted = 申请已提交：「{ $org }」，身份：{ $role }。书记审批后会通知您。
join-submitted-no-approver = 申请已提交：「{ $org }」，身份：{ $role }。该组织暂时没有能审批的负责人，请联系上级组织。
join-request-notice =
    新的加入申请
    姓名：{ $name }
    组织：{ $org }
    身份：{ $role }
    手机：{ $phone }
join-approve = ✅ 同意
join-reject = ❌ 拒绝
join-decided-approved = ✅ 已同意 { $name } 以“{ $role }”身份加入「{ $org }」（{ $by }）。
join-decided-rejected = ❌ 已拒绝 { $name } 加入「{ $org }」的申请（{ $by }）。
join-approved = 🎉 您已加入「{ $org }」，身份：{ $role }。发送 /help 查看可用的命令。
join-rejected = 很抱歉，您加入「{ $org }」（{ $role }）的申请未获同意。如有疑问请联系支部书记。

## 待审批
requests-none = 没有待审批的加入申请。
requests-header = 待审批的加入申请：{ $count } 条。
requests-more = 还有 { $count } 条，请先处理以上申请。

## 组织导航
nav-pick = ✓ 选择「{ $name }」
nav-prev = ◀ 上一页
nav-next = 下一页 ▶
nav-up = ⬆ 上一级
nav-title-invite = 邀请加入哪个组织？
nav-title-invite-at = 邀请加入「{ $org }」还是它的下级组织？
nav-title-view = 您负责的组织：
org-card =
    编码：{ $code } · 时区：{ $timezone } · 下级组织：{ $children }
    人数：{ $counts }
org-not-on-telegram = （未绑定）
org-roster-more = ……另有 { $count } 人。

## 邀请
invite-choose-role = 「{ $org }」：邀请什么身份？
invite-choose-uses = 「{ $org }」· { $role }：这个链接可以用几次？
invite-uses-option = { $uses } 次
invite-choose-days = 「{ $org }」· { $role } · { $uses } 次：有效期多久？
invite-days-option = { $days } 天
invite-created =
    邀请链接已生成
    组织：{ $org }
    身份：{ $role }
    可用次数：{ $uses }
    有效期至：{ $expires }
    { $link }
    把链接转发给要邀请的人；每个申请都需要您审批。
invite-revoke = 作废此链接
invite-revoked = 链接已作废。

## 帮助与个人
help-header = 可用的命令：
help-no-roles = 您还没有加入任何组织。请向支部书记索取邀请链接。
me-no-roles = { $name }，您还没有加入任何组织。
me-roles =
    { $name }，您的组织和身份：
    { $roles }
language-choose = 请选择语言：
language-set = 已切换为中文。
language-name-zh = 中文
language-name-mn = ᠮᠣᠩᠭᠣᠯ
language-name-en = English

## 导入
import-send-file = 请发送 Excel（.xlsx）或 CSV 文件（不超过 { $max_mb } MB）。可以按照这个模板填写；同一文件重复导入不会重复创建。发送 /cancel 取消。
import-template-filename = 导入模板
import-too-large = 文件太大，最多 { $max_mb } MB。
import-file-expected = 请以文件形式发送 .xlsx 或 .csv，或发送 /cancel 取消。

## 身份、层级、类型
role-admin = 组织部管理员
role-secretary = 书记
role-deputy_secretary = 副书记
role-committee_member = 支委委员
role-group_leader = 党小组长
role-central_household = 党员中心户
role-member = 正式党员
role-probationary_member = 预备党员
role-resident = 群众
level-committee = 党(工)委
level-general_branch = 党总支
level-branch = 党支部
level-group = 党小组
kind-village = 嘎查村
kind-community = 社区
kind-enterprise = 两新组织
kind-office = 机关
kind-school = 学校
kind-hospital = 医院
kind-project = 项目临时党支部
kind-grid = 网格
kind-express = 快递行业
kind-other = 其他

## 错误
error-generic = 操作未能完成。
error-unexpected = 出了点问题。请稍后再试，或发送 /start 查看当前状态。
error-access-denied = 您没有权限进行这个操作。
error-not-found = 没有找到相关内容，可能已被删除。
error-invalid-input = 输入无效。
error-conflict = 这个操作与现有记录冲突。
error-stale-button = 这个按钮已失效，请重新发送命令。
error-name-length = 姓名需要 1 到 { $max } 个字。
error-name-chars = 姓名里有无法识别的字符，请重新输入。
error-phone-invalid = 手机号格式不对。
error-phone-not-own = 请分享您自己的手机号（点按钮），而不是别人的名片。
error-language-unknown = 不支持这种语言。
error-org-code = 组织编码只能包含字母、数字、点、下划线和横线，最多 64 位。
error-org-name = 组织名称不能为空，最多 200 字。
error-timezone = 无法识别的时区：{ $timezone }。
error-org-placement = 层级“{ $level }”不能放在“{ $parent }”下面。
error-org-parent-missing = 找不到上级组织：{ $code }。
error-org-code-taken = 组织编码 { $code } 已被使用。
error-role-not-at-level = 这个身份不能设在这一级组织。
error-invite-uses = 可用次数需要在 1 到 { $max } 之间。
error-invite-ttl = 有效期最长 { $days } 天。
error-invite-invalid = 这个邀请链接无效。请向书记索取新的链接。
error-invite-revoked = 这个邀请链接已被作废。请向书记索取新的链接。
error-invite-expired = 这个邀请链接已过期。请向书记索取新的链接。
error-invite-used-up = 这个邀请链接的使用次数已满。请向书记索取新的链接。
error-join-already-member = 您已经是「{ $org }」的成员了。
error-join-already-pending = 您加入「{ $org }」的申请正在等待审批。
error-join-already-decided = 这个申请已经处理过了。
