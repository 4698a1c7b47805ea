"""Errors a user can cause, with a stable code and a message in Japanese and English."""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, tuple[str, str]] = {
    "not_found": ("対象の記録が見つかりません。", "The record was not found."),
    "not_visible": (
        "この案件を閲覧する権限がありません。",
        "You are not allowed to see this case.",
    ),
    "not_editable": (
        "この案件は現在の状態（{status}）では編集できません。",
        "This case cannot be edited in its current state ({status}).",
    ),
    "not_owner": (
        "自分の案件、又は代理申請者として登録された申請者の案件のみ編集できます。",
        "You can edit only your own cases or those you file as a registered proxy.",
    ),
    "not_proxy": (
        "この申請者の代理申請者として登録されていません。",
        "You are not registered as a proxy for this applicant.",
    ),
    "bad_transition": (
        "状態「{status}」からは「{action}」を行えません。",
        "'{action}' is not possible from the state '{status}'.",
    ),
    "incomplete": (
        "未回答の必須項目があります：{missing}",
        "Required answers are missing: {missing}",
    ),
    "self_approval": (
        "自分が申請した、又は代理申請した案件は承認できません。",
        "You cannot approve a case you applied for or filed as proxy.",
    ),
    "already_approved_step": (
        "同じ案件の別の段階を既に承認しています。各段階は別の者が承認します。",
        "You already approved another step of this case; each step needs a different person.",
    ),
    "wrong_role": (
        "この段階（{step}）を承認する役割がありません。",
        "You do not hold the role needed for this step ({step}).",
    ),
    "step_signed": (
        "{name}さんがこの段階（{step}）を既に承認しました。案件を開き直してください。",
        "{name} has already signed this step ({step}); reload the case.",
    ),
    "no_decision": (
        "判断と理由が記録されていないため承認できません。",
        "A decision with reasons must be recorded before approval.",
    ),
    "review_incomplete": (
        "判断の前に次の項目が必要です：{missing}",
        "Before a decision, the review needs: {missing}",
    ),
    "reasons_required": ("理由の記入は必須です。", "Reasons are required."),
    "conditions_required": (
        "条件付き承認には条件の記入が必要です。",
        "Approval with conditions needs the conditions written.",
    ),
    "comment_required": ("差戻しにはコメントが必要です。", "Returning a case needs a comment."),
    "retention": (
        "保存期間内（{until}まで）の記録は削除できません。取下げは可能です。",
        "Records inside the retention period (until {until}) cannot be deleted;"
        " a case can be withdrawn.",
    ),
    "login_failed": (
        "ユーザー名又はパスワードが違います。",
        "The user name or password is wrong.",
    ),
    "old_password_required": (
        "現在のパスワードを入力してください。",
        "Enter your current password.",
    ),
    "locked": (
        "ログインの失敗が続いたため、{until}までロックされています。",
        "Too many failed sign-ins: the account is locked until {until}.",
    ),
    "inactive": ("このアカウントは無効です。", "This account is disabled."),
    "weak_password": (
        "パスワードは{min}文字以上にしてください。",
        "The password must have at least {min} characters.",
    ),
    "duplicate_login": (
        "ユーザー名「{login}」は既に使われています。",
        "The user name '{login}' is already taken.",
    ),
    "last_admin": (
        "有効な管理者が一人もいなくなるため、この変更はできません。",
        "This would leave no active administrator; keep at least one.",
    ),
    "deactivate_self": (
        "自分のアカウントは無効にできません。",
        "You cannot deactivate your own account.",
    ),
    "review_changed": (
        "署名の直前に担当部署の判断が変わりました。案件を開き直して確認してください。",
        "The office's decision changed just before your signature: reopen the case and check.",
    ),
    "person_department": (
        "部局の輸出管理責任者は、自分の部局の人物のみ登録できます。部局を選んでください。",
        "A department manager records people of their own department: choose it.",
    ),
    "person_host": (
        "受入教員には、申請者として登録された有効な利用者を選んでください。",
        "The host must be an active user registered as an applicant.",
    ),
    "person_id_taken": (
        "学籍番号・職員番号 {external_id} は既に {name} の記録にあります。",
        "The ID {external_id} is already on the record of {name}.",
    ),
    "person_id_taken_elsewhere": (
        "学籍番号・職員番号 {external_id} は既に別の人物の記録にあります。輸出管理担当部署に"
        "確認してください。",
        "The ID {external_id} is already on another person's record: ask the export control"
        " office.",
    ),
    "person_not_visible": (
        "この人物の記録を閲覧する権限がありません。",
        "You are not allowed to see this person's record.",
    ),
    "bad_state": (
        "状態「{state}」からは進められません。",
        "Cannot move on from the state '{state}'.",
    ),
    "scan_required": (
        "署名済みの書類のスキャンを添付してください。",
        "Attach the scan of the signed document.",
    ),
    "scan_mismatch": (
        "保存されたスキャンのSHA-256が一致しません。",
        "The stored scan does not match its SHA-256.",
    ),
    "import_rows": (
        "取込みを中止しました（何も登録していません）。{count}行に誤りがあります：{rows}",
        "Nothing was imported: {count} rows have errors: {rows}",
    ),
    "forbidden": ("この操作を行う権限がありません。", "You are not allowed to do this."),
    "invalid": ("入力が正しくありません：{detail}", "Invalid input: {detail}"),
    "stale": (
        "他の操作で案件が更新されました。開き直してください。",
        "The case was changed elsewhere; please reopen it.",
    ),
    "review_conflict": (
        "同僚（{name}）が{at}にこの審査票を保存しました。入力内容は画面に残っています。"
        "開き直して相手の変更を確認してください。",
        "A colleague ({name}) saved this review at {at}; your changes are still on screen."
        " Reload to see theirs.",
    ),
    "person_conflict": (
        "同僚（{name}）が{at}にこの人物の記録（{fields}）を変更しました。"
        "入力内容は画面に残っています。開き直して相手の変更を確認してください。",
        "A colleague ({name}) changed this person's record ({fields}) at {at}; your changes"
        " are still on screen. Reload to see theirs.",
    ),
    "draft_conflict": (
        "{name}さんが{at}にこのチェックシートを保存しました。入力内容は画面に残っています。"
        "開き直して相手の変更を確認してください。",
        "{name} saved this check sheet at {at}; your changes are still on screen."
        " Reload to see theirs.",
    ),
    "schema_newer": (
        "データベースはこのバージョンより新しい形式です（{found} > {known}）。",
        "The database was made by a newer ExportDesk (schema {found} > {known}).",
    ),
    "key_mismatch": (
        "{login} の鍵が登録済みの鍵と異なります（{fingerprint}）。受け取れません。",
        "The key of {login} differs from the one on record ({fingerprint}); refused.",
    ),
    "key_not_trusted": (
        "{login} の鍵はまだ信頼されていません（{fingerprint}）。",
        "The key of {login} is not trusted yet ({fingerprint}).",
    ),
    "filed_for_other": (
        "送信者 {sender} は {applicant} の案件を提出できません"
        "（本人又は登録された代理申請者のみ）。",
        "The sender {sender} may not file for {applicant}"
        " (only the applicant or a registered proxy may).",
    ),
    "campus_sender": (
        "{login} はこのキャンパスのデータベースにログインできる利用者です。"
        "案件ファイルではなく、ExportDesk から本人が提出します。受け取れません。",
        "{login} signs in to this campus database and submits through ExportDesk,"
        " not by case file; refused.",
    ),
    "exchange_owner": (
        "この案件番号は別の送信者の案件に属しています。受け取れません。",
        "This exchange id belongs to another sender's case; refused.",
    ),
    "not_returned": (
        "この案件は差し戻されていないため、新しい回を受け付けません。",
        "This case was not returned to the applicant; a new round is not accepted.",
    ),
    "stale_round": (
        "古い回のファイルです（ファイル {got}回目、案件 {have}回目）。",
        "The file is for round {got}; the case is at round {have}.",
    ),
    "unknown_case": (
        "このファイルに対応する案件がありません。",
        "No case here matches this file.",
    ),
    "not_office_key": (
        "担当部署の鍵で署名されていません。受け取れません。",
        "The file is not signed by the export control office's key; refused.",
    ),
    "decision_not_allowed": (
        "案件が「{status}」のため、判断「{decision}」は受け付けられません。",
        "The case is '{status}': the decision '{decision}' cannot be accepted.",
    ),
    "audit_exists": (
        "{year}年の内部監査は既に記録されています。",
        "An internal audit for {year} is already on record.",
    ),
    "audit_closed": (
        "この内部監査は完了済みのため変更できません。",
        "This internal audit is closed and cannot be changed.",
    ),
    "audit_incomplete": (
        "未確認の項目があるため完了できません：{missing}",
        "The audit cannot be closed while items are unchecked: {missing}",
    ),
    "not_a_database": (
        "ExportDeskのデータベースではありません：{path}",
        "Not an ExportDesk database: {path}",
    ),
    # Campus mode (PostgreSQL): the server itself refused or could not be reached.
    "server_unreachable": (
        "学内データベースに接続できません：{detail}",
        "Cannot connect to the campus database: {detail}",
    ),
    "forbidden_by_server": (
        "学内データベースがこの操作を許可しませんでした：{detail}",
        "The campus database does not allow this: {detail}",
    ),
    "refused_by_server": (
        "学内データベースがこの操作を拒否しました：{detail}",
        "The campus database refused this: {detail}",
    ),
    "connection_lost": (
        "学内データベースとの接続が切れました（{detail}）。何も変更されていません。"
        "画面上の入力はそのまま残っています。もう一度やり直してください（自動で再接続します）。",
        "The connection to the campus database was lost ({detail}). Nothing was changed;"
        " your changes on screen are kept: try again (ExportDesk connects again).",
    ),
    "connection_lost_unsure": (
        "保存の途中で学内データベースとの接続が切れました（{detail}）。保存されたかどうか"
        "分かりません。画面上の入力はそのまま残っています。もう一度保存してください。",
        "The connection to the campus database was lost while saving ({detail}); it is not"
        " known whether the change was stored. Your changes on screen are kept: save again.",
    ),
    "campus_login": (
        "学内データベースには各自のアカウントで接続します（接続中：{current}）。",
        "In campus mode you connect with your own account (connected as {current}).",
    ),
    "unsafe_authentication": (
        "サーバーが安全でない方法でパスワードを求めたため、パスワードを送らずに接続を中止しました"
        "（{detail}）。情報システム担当に確認してください。",
        "The server asked for the password in an unsafe way, so the connection was stopped"
        " without sending it ({detail}). Ask IT.",
    ),
    "password_not_checked": (
        "このサーバーはパスワードを確認しません（Kerberos 等）。パスワードは Kerberos・LDAP 等の"
        "管理元で変更してください。",
        "This server does not check passwords (Kerberos or similar): change your password"
        " where it is kept (Kerberos, LDAP).",
    ),
    "libpq_too_old": (
        "PostgreSQL のクライアントライブラリ（libpq {version}）が古すぎます。16 以降が必要です。",
        "The PostgreSQL client library (libpq {version}) is too old: 16 or later is needed.",
    ),
    "no_campus_database": (
        "サーバーにデータベース「{name}」がありません。学内データベースのアドレス（最後の"
        "データベース名）を確認してください。",
        "The server has no database '{name}': check the database name at the end of the"
        " campus address.",
    ),
    "campus_not_set_up": (
        "学内データベースはまだ設定されていません。情報システム担当に"
        "「exportdesk campus init」の実行を依頼してください。",
        "The campus database is not set up yet: ask IT to run 'exportdesk campus init'.",
    ),
    "campus_address": (
        "学内データベースのアドレスは postgresql://ホスト名/データベース名 の形で入力してください"
        "（パスワードは含めず、サインイン時に入力します）：{detail}",
        "Enter the campus database address as postgresql://host/database (without a"
        " password: you type it when you sign in): {detail}",
    ),
    "no_database": (
        "データベースがありません：{path}",
        "No database at {path}.",
    ),
    "read_only": (
        "データベースに書き込めません（読み取り専用）：{path}",
        "The database cannot be written (read-only): {path}",
    ),
    "disk_full": (
        "ディスクの空きが足りないため保存できませんでした。何も変更されていません：{path}",
        "The disk is full; nothing was changed: {path}",
    ),
    "busy": (
        "他の処理がデータベースを使用中です。しばらくしてからやり直してください：{path}",
        "The database is busy with another task; please try again: {path}",
    ),
    "storage": (
        "データベースの読み書きに失敗しました（{reason}）：{path}",
        "Reading or writing the database failed ({reason}): {path}",
    ),
    "cannot_read": ("ファイルを読めません（{reason}）：{path}", "Cannot read {path}: {reason}"),
    "cannot_write": (
        "ファイルを書き込めません（{reason}）：{path}",
        "Cannot write {path}: {reason}",
    ),
    "audit_unsigned": (
        "監査記録の先頭に有効な署名がありません。`exportdesk db verify` で確認してください。",
        "The head of the audit log carries no valid signature; run `exportdesk db verify`.",
    ),
}


class StoreError(Exception):
    """A refused action. `code` is stable; `ja`/`en` are ready to show."""

    def __init__(self, code: str, **values: Any) -> None:
        ja, en = MESSAGES[code]
        self.code = code
        self.values = values
        # A value may itself be bilingual: {"ja": ..., "en": ...}.
        self.ja = ja.format(**{k: v["ja"] if isinstance(v, dict) else v for k, v in values.items()})
        self.en = en.format(**{k: v["en"] if isinstance(v, dict) else v for k, v in values.items()})
        super().__init__(self.en)

    def message(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en
