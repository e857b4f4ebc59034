# Casebook の日本語インターフェース。ID は en.ftl と同じです。ここにないメッセージは英語で表示されます。

## 各ページの枠

app-name = Casebook
skip-to-content = 本文へ移動
nav-main = メイン
nav-policies = ポリシー
nav-sweeps = スイープ
nav-templates = テンプレート
nav-settings = 設定
nav-people = メンバー
nav-audit = 監査ログ
language-picker = 表示言語
sign-in = サインイン
sign-out = サインアウト
working-offline = { $name } · オフラインで作業中
sign-out-unsent = まだサーバーに届いていない編集が { $count } 件あります。サインアウトするとこの端末から削除されます。サインアウトしますか？
library-saved-offline = オフラインです。この端末に保存したポリシーライブラリ（{ $when }）を表示しています。
library-saved-unreachable = サーバーに接続できません。この端末に保存したポリシーライブラリ（{ $when }）を表示しています。
library-saved-checking = この端末に保存したポリシーライブラリ（{ $when }）を表示しています。更新を確認中…
just-now = たった今

## ロールと組織

role-agent = エージェント
role-specialist = ポリシースペシャリスト
role-trainer = トレーナー
role-admin = 管理者
title-platform = プラットフォーム · { $role }
title-vendor = ベンダー · { $role }

## 接続

connection-checking = 接続中…
connection-online = オンライン
connection-offline = オフライン
connection-unreachable = サーバーに接続できません

## ヘッダーの同期状態

sync-waiting = 未送信の編集 { $count } 件
sync-refused-short = 編集 1 件が拒否されました · 理由を見る
sync-loading = 作業を読み込み中…
sync-catching-up = 同期中 { $percent }%
sync-syncing = 同期中…
sync-not-connected = 未接続
sync-saved-here = この端末に保存 · { $waiting }
sync-signed-out = サインアウトしました。同期するにはサインインしてください
sync-problem = 同期の問題
sync-synced-ago = 同期済み（{ $when }）
sync-synced = 同期済み
sync-refused = サーバーが編集を拒否しました：
sync-refused-blocks = 再試行するか破棄するまで、後続の編集は待機します。
sync-retry = 再試行
sync-discard = この編集を破棄
sync-all-sent = この端末での編集はすべてサーバーに届いています。
sync-saved-count = { $count } 件の編集がこの端末に保存されており、サーバーが応答したら送信されます。
sync-last = 最終同期：{ $when }。
sync-never = この端末ではまだ同期していません。
sync-now = 今すぐ同期

## 存在しないページ

not-found-title = ページが見つかりません
not-found-body = このアドレスのページは Casebook にありません。リンクの誤りか、古いバージョンのリンクかもしれません。
not-found-search = ポリシー検索へ
planned-not-yet = このバージョンの Casebook では、このツールはまだ使えません。
planned-search = ポリシーライブラリを検索

## サーバーとの通信の失敗

api-unreachable = Casebook がサーバーに接続できません。接続を確認してください。オンラインに戻るとこのページは再試行します。
api-server-error = { $message }（リクエスト { $request }）
api-status = サーバーがステータス { $status } を返しました。
api-unreadable = サーバーの応答を読み取れませんでした。ページを再読み込みして最新の Casebook を取得してください。

## サーバーのエラーコード：{ $detail } はサーバー自身の説明（英語）です

error-not_found = 見つかりません。{ $detail }
error-bad_request = リクエストは受け付けられませんでした：{ $detail }
error-invalid = 入力内容を確認してください：{ $detail }
error-conflict = 同時に別の場所で変更されました：{ $detail }
error-invalid_library = ポリシーライブラリにエラーがあります：{ $detail }
error-method_not_allowed = ここではその操作はできません。
error-sign_in_required = もう一度サインインしてください。
error-forbidden = あなたのロールではこの操作はできません。
error-csrf_header_missing = 安全のためリクエストをブロックしました。ページを再読み込みしてもう一度お試しください。
error-bad_credentials = メールアドレスまたはパスワードが違います。
error-account_switched_off = このアカウントは無効になっています。管理者に問い合わせてください。
error-too_many_attempts = 試行回数が多すぎます。数分待ってからもう一度お試しください。
error-unsupported_media_type = サーバーはこの種類のリクエストを読み取れません。
error-payload_too_large = 大きすぎて送信できません。
error-busy = サーバーが混み合っています。まもなく再試行します。
error-internal = サーバーで問題が発生しました。作業内容は保持されています。もう一度お試しください。
error-schema_version = この Casebook のバージョンは古くなっています。ページを再読み込みしてください。
error-sync_gap = 一部の編集が途中で失われました。再送信しています。
error-invalid_push = サーバーはこれらの編集を読み取れませんでした：{ $detail }
error-invalid_edit = この編集は無効です：{ $detail }
error-edit_not_allowed = この編集はできません：{ $detail }
error-out_of_scope = これは別の組織のものです。
error-no_such_object = これはもう存在しません。
error-client_of_another_person = これらの編集はこの端末の別の人のものです。
error-write_quota = 組織のストレージがいっぱいです。管理者に問い合わせてください。

## コマンドパレット（Ctrl-K）とキーボードショートカット（?）

palette-title = 移動・操作
palette-input = ページ、ポリシー、スイープ、操作を検索
palette-placeholder = 入力してページ、ポリシー、スイープ、操作を探す…
palette-nothing = 該当なし。別の言葉で試してください。
palette-hint = ↑ ↓ で選択 · Enter で開く · Esc で閉じる
palette-kind-page = ページ
palette-kind-account = アカウント
palette-kind-policy = ポリシー
palette-kind-sweep = スイープ
palette-language = 表示言語を { $language } に切り替え
shortcut-palette = コマンドパレットを開く
shortcut-help = このショートカット一覧を表示
shortcut-close = ダイアログやパネルを閉じる
shortcut-search = 検索ボックスへ移動
shortcut-copy-link = このセクションへのリンクをコピー
shortcut-unnamed = ページの操作
shortcuts-title = キーボードショートカット
shortcuts-everywhere = どこでも
shortcuts-this-page = このページ
shortcuts-not-while-typing = フィールドに入力中は、1 キーのショートカットは動作しません。
shortcuts-close = 閉じる
## サインイン (i18npages)

signin-signed-in = サインイン済み
signin-signed-in-as = { $name }（{ $email }）としてサインインしています。
signin-go-search = ポリシー検索へ
signin-hint = ベンダーの管理者から受け取ったアカウントを使ってください。
signin-email = メールアドレス
signin-password = パスワード
signin-busy = サインイン中…
signin-checking = 読み込み中…
document-paragraph-link = 段落 { $number } へのリンク

## 設定

settings-title = 設定
settings-account = アカウント
settings-who = { $name } · { $org } の{ $title }
settings-loading = 読み込み中…
settings-sign-in-to-change = パスワードを変更するにはサインインしてください。
settings-language = 言語
settings-language-legend = 表示言語
settings-language-hint = ボタン、メッセージ、日付をこの言語で表示します。ポリシーは元の言語のままです。この端末が選択を記憶します。
settings-device = この端末
settings-insecure = オフラインでの起動には https が必要です。このアドレスは http のため、ブラウザーは Casebook をこの端末に保存してネットワークなしで開くことも、リンクをコピーすることも許可しません（リンクは手でコピーできるよう表示されます）。それ以外はすべて使えます。https のアドレスを管理者に依頼してください。
settings-later = 今後追加予定
settings-later-list = メディアのぼかしとキーボードショートカット。
settings-password-title = パスワードの変更
settings-current-password = 現在のパスワード
settings-new-password = 新しいパスワード
settings-password-rule = { $min } 文字以上。
settings-repeat-password = 新しいパスワード（確認）
settings-passwords-differ = 新しいパスワードが一致しません。同じものを 2 回入力してください。
settings-password-changed = パスワードを変更しました。ほかの場所でのサインインはすべて終了しました。
settings-changing = 変更中…
settings-change-password = パスワードを変更

## メンバー

people-title = メンバー
people-only-admins = メンバーを管理できるのは管理者だけです。
people-intro = { $org } のアカウントを持つ全員です。無効にしたアカウントはサインインできず、開いているセッションもすぐに終了します。元に戻すには再び有効にしてください。
people-loading = 読み込み中…
people-everyone = 全員（{ $count }）
people-find = 検索
people-find-placeholder = 名前、メール、役割
people-nobody = 該当する人はいません。
people-table = 組織の全員
people-name = 名前
people-email = メールアドレス
people-role = 役割
people-account = アカウント
people-password = パスワード
people-you = （あなた）
people-role-of = { $name } の役割
people-role-agent = エージェント
people-role-specialist = ポリシースペシャリスト
people-role-trainer = トレーナー
people-role-admin = 管理者
people-active = 有効
people-off = 無効
people-switch-off = 無効にする
people-switch-on = 有効にする
people-switch-off-label = { $name } のアカウントを無効にする
people-switch-on-label = { $name } のアカウントを有効にする
people-change-yours = 自分のパスワードは設定で変更
people-new-password-for = { $name } の新しいパスワード
people-new-password = 新しいパスワード…
people-set = 設定
people-cancel = キャンセル
people-add-title = メンバーを追加
people-first-password = 最初のパスワード
people-suggest = 別の候補
people-add = 追加
people-adding = 追加中…
people-password-hint = パスワードは { $min } 文字以上必要です。最初のパスワードはご自身で本人に伝えてください。Casebook はメールを送りません。
people-added = { $name }（{ $email }）を{ $role }として追加しました。メールアドレスと設定した最初のパスワードを本人に伝えてください。
people-could-not-add = { $name } を追加できませんでした: { $reason }
people-could-not-change = { $name } を変更できませんでした: { $reason }
people-now-role = { $name } の役割を{ $role }に変更しました。
people-switched-off-done = { $name } のアカウントを無効にしました。セッションは終了しました。
people-switched-on-done = { $name } のアカウントを有効にしました。再びサインインできます。
people-password-done = { $name } に新しいパスワードを設定しました。セッションは終了しました。

## 監査ログ

audit-title = 監査ログ
audit-only-admins = 監査ログを読めるのは管理者だけです。
audit-loading = 読み込み中…
audit-none = 該当するエントリーはありません。
audit-any = すべて
audit-time = 日時
audit-person = 人
audit-action = 操作
audit-object = 対象
audit-result = 結果
audit-detail = 詳細
audit-request = リクエスト
audit-anonymous = 未サインイン
audit-client-time = 端末の時計: { $time }
audit-count = { $count } 件を表示（新しい順）。
audit-show-older = 古いエントリーを表示
audit-result-ok = 成功
audit-result-failed = 失敗
audit-result-denied = 拒否
audit-action-sign-in = サインイン
audit-action-sign-out = サインアウト
audit-action-sync-push = 編集の保存
audit-action-user-create = アカウント追加
audit-action-user-change = アカウント変更
audit-action-user-password = 自分のパスワード変更
audit-action-library-import = ポリシーの取り込み
audit-action-request-denied = リクエスト拒否
audit-detail-rate-limited = 試行回数が多すぎます
audit-detail-wrong-credentials = メールアドレスまたはパスワードが違います
audit-detail-switched-off = アカウントが無効です
audit-detail-changed-during-sign-in = サインイン中にアカウントが変更されました
audit-detail-wrong-current-password = 現在のパスワードが違います
audit-detail-changed-during-change = 変更中にアカウントが変更されました
audit-detail-other-sessions-ended = ほかのセッションを終了しました
audit-detail-edits = { $count } 件の編集: { $fields }
audit-detail-edits-more = { $count } 件の編集: { $fields } ほか { $more } 件
audit-detail-import = 追加されたバージョン: { $added }、変更なし: { $unchanged }
audit-detail-import-failed = { $count } 件の問題。何も取り込まれていません
audit-detail-created = { $email }（{ $role }）
audit-detail-role = 役割: { $role }
audit-detail-switched-on-now = 有効化
audit-detail-switched-off-now = 無効化
audit-detail-new-password = 新しいパスワード
audit-list-separator = { "、" }

## この端末で失敗した編集とダウンロード (i18npages)

edit-impossible = この編集はできません: { $reason }。
edit-signed-out = サインアウトしています。
edit-signed-out-elsewhere = 別のタブでサインアウトされました。ページを再読み込みしてサインインしてください。
edit-not-saved = 編集を保存できませんでした。何も変更されていません。
edit-storage-refused = このブラウザーが編集の保存を拒否しました（ストレージがいっぱいかもしれません）。何も変更されていません。
sync-storage-refused = このブラウザーが同期データの保存を拒否しました（ストレージがいっぱいかもしれません）。
library-unreachable = Casebook がサーバーに接続できません。
library-status = サーバーがポリシーライブラリーを送信できませんでした（ステータス { $status }）。
library-interrupted = ポリシーライブラリーのダウンロードが中断されました。
library-unreadable = ポリシーライブラリーを読み込めませんでした。ページを再読み込みしてください。
library-index-interrupted = 検索インデックスのダウンロードが中断されました。
## Case-note templates (issue 10)
templates-title = メモのテンプレート
templates-intro = テンプレートを選び、項目を入力してメモをコピーします。メモは組織内に保存され、オフラインでも使えます。
templates-sign-in = メモのテンプレートを使うにはサインインしてください。
templates-search-label = テンプレートを検索
templates-search-placeholder = 名前、ポリシー分野、種類、言語
templates-search-hint = Enter で最初の候補を開きます。/ でここに戻ります。
templates-count = { $count ->
   *[other] { $count } 件のテンプレート
}
templates-none = テンプレートはまだありません。スペシャリストとトレーナーが作成します。
templates-no-match = 「{ $query }」に一致するテンプレートはありません。
templates-kind-notice = ユーザーへの通知
templates-kind-enforcement = 措置メモ
templates-kind-escalation = エスカレーション
templates-version = バージョン { $version }
templates-not-found = このテンプレートはこの端末にありません。組織に共有されていないか、まだ同期されていない可能性があります。
templates-back = すべてのテンプレート
templates-compose-title = 作成：{ $name }
templates-fields = 入力項目
templates-note-language = メモの言語
templates-falls-back = { $lang }（{ $fallback } を使用）
templates-required = 必須
templates-choose = 選択…
templates-preview = プレビュー
templates-preview-error = プレビューを表示できません：{ $detail }
templates-copy-save = コピーして保存
templates-copy-hint = Ctrl+Enter でメモをコピーして保存します。
templates-blocked = コピーする前に入力してください：{ $fields }
templates-saved = クリップボードにコピーし、保存しました。
templates-saved-not-copied = 保存しました。ここではクリップボードを使えません。プレビューを選択してコピーしてください。
templates-save-failed = 保存できませんでした：{ $detail }
templates-pii-title = 個人情報が見つかりました
templates-pii-found = { $field } に { $kind }
templates-pii-redact = 伏せてコピー
templates-pii-keep = 残して記録
templates-pii-kind-email = メールアドレス
templates-pii-kind-phone = 電話番号
templates-pii-kind-card = 支払いカード番号
templates-pii-kind-iban = IBAN
templates-problem-required = 必須です。
templates-problem-too-long = { $max } 文字以内にしてください。
templates-problem-control = 制御文字を削除してください。
templates-problem-not-a-choice = 選択肢から選んでください。
templates-problem-bad-handle = アカウント名ではありません。
templates-problem-bad-url = http(s) のリンクではありません。
templates-problem-too-many-links = リンクは { $max } 件までです。
templates-problem-bad-date = 日付（YYYY-MM-DD）ではありません。
templates-problem-not-a-number = 整数ではありません。
templates-problem-below-min = { $min } 以上にしてください。
templates-problem-above-max = { $max } 以下にしてください。
templates-problem-pattern = { $pattern } の形式にしてください（# は数字、A は英大文字）。
templates-problem-bad-policy-ref = policy#section@version の形式で書いてください。
templates-history = メモの履歴
templates-history-search = メモを検索
templates-history-placeholder = ケース ID、ポリシー、テンプレート、本文
templates-history-none = メモはまだありません。
templates-history-no-match = 一致するメモはありません。
templates-note-meta = { $template } · { $lang } · { $author } · { $time }
templates-note-case = ケース { $case }
templates-note-pending = 同期待ち
templates-note-kept = 残した個人情報：{ $kinds }
