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
nav-import = インポート
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

## Sweeps (issue 11)

sweeps-keys-hint = ? でキー操作を表示します。
## Policy pages (lookup2)

policy-loading = ポリシーを読み込み中…
policy-not-found = ポリシーが見つかりません
policy-not-found-detail = 「{ $slug }」というポリシーはありません。名前が変わった可能性があります。
policy-search-library = ポリシーライブラリを検索
policy-no-version = このポリシーにバージョン { $number } はありません。
policy-open-current = 現行バージョンを開く
policy-open-current-numbered = 現行バージョンを開く (v{ $number })
policy-draft-note = これは下書きです。まだ適用しないでください。
policy-old-note = これはこのポリシーの現行バージョンではありません。
policy-fact-version = バージョン
policy-fact-effective = 施行日
policy-fact-since = 失効日
policy-fact-verified = 確認期限
policy-fact-owner = 担当
policy-fact-regions = 地域
policy-overdue = — 見直し期限切れ
policy-version-status = v{ $number } · { $status }
policy-status-draft = 下書き
policy-status-published = 公開中
policy-status-superseded = 置き換え済み
policy-status-retired = 廃止
policy-sections = セクション
policy-versions = バージョン
policy-versions-label = バージョン:
policy-version-link = v{ $number } ({ $status })
policy-changed-since = v{ $number } からの変更点
policy-link-to-section = { $heading } へのリンク
policy-copy-link = リンクをコピー
policy-link-copied = コピーしました
policy-copy-section-title = このバージョンのこのセクションへのリンクをコピー (キー: c)
policy-copy-by-hand = このブラウザーではここでコピーできません。リンクを選択しました。Ctrl+C (Mac は ⌘C) でコピーしてください。
policy-paragraph-bar = この段落について
policy-copy-paragraph = この段落へのリンクをコピー
policy-paragraph-not-current = これは v{ $number } で、現行バージョン (v{ $current }) ではありません。
policy-section-in-current = このセクションを v{ $current } で読む
policy-section-changed-since = v{ $number } からのこのセクションの変更点
policy-section-unchanged = このセクションは v{ $current } でも同じです。
policy-section-gone = v{ $current } にはこのセクションがありません。
policy-actions = 対応措置
policy-action = 措置
policy-severity = 重大度
policy-when = 適用される場合
policy-severity-low = 低
policy-severity-medium = 中
policy-severity-high = 高
policy-severity-critical = 重大

## Library updates in open tabs (lookup2)

library-update-available = ポリシーライブラリの新しいバージョンがあります。
library-update-show = 表示する

## Library import page (lookup2)

import-title = ポリシーのインポート
import-intro = ライブラリのフォルダー、その一部のファイル、またはフォルダーの zip を選んでください。保存する前に、すべての問題または変更内容が表示されます。
import-folder = ライブラリのフォルダー
import-files = またはファイルか zip ファイル
import-working = 確認中…
import-unreadable = 選んだファイルを読み込めませんでした。
import-not-text = { $file } はテキストファイルではありません。
import-too-large = ファイルは { $files } 個、合計 { $mib } MiB までにしてください。
import-problems = { $count ->
   *[other] 問題が { $count } 件あります。何も保存していません。
}
import-whole-folder = フォルダー全体
import-line = { $line } 行目:
import-preview = 変更内容
import-new-policies = 新しいポリシー
import-new-versions = 新しいバージョン
import-version-changes = v{ $current } と比べて: 変更 { $changed } セクション、追加 { $added }、削除 { $removed }、措置の変更 { $actions }
import-status-changes = ステータスの変更
import-status-change = { $slug } v{ $number } は { $status } になります { $since }
import-unchanged = { $count ->
   *[other] { $count } 個のファイルはすでにライブラリにあります。
}
import-nothing = インポートするものはありません。ライブラリにはすでにこれらのファイルがあります。
import-apply = インポートを実行
import-applied = インポートしました: 新しいバージョン { $versions } 件、ステータスの変更 { $changes } 件。
## コマンドパレット（Ctrl-K）とキーボードショートカット（?）

palette-title = 移動・操作
palette-input = ページ、ポリシー、スイープ、操作を検索
palette-placeholder = 入力してページ、ポリシー、スイープ、操作を探す…
palette-nothing = 該当なし。別の言葉で試してください。
palette-hint = ↑ ↓ で選択 · Enter で開く · Esc で閉じる
palette-kind-page = ページ
palette-kind-account = アカウント
palette-kind-policy = ポリシー
palette-kind-template = テンプレート
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
templates-policy-picker-hint = 言葉を入力してポリシーを検索し、矢印キーとEnterでセクションを選びます。
templates-policy-picker-options = ポリシーのセクション
templates-policy-picker-none = 「{ $query }」に一致するセクションはありません。
templates-note-sweep-item = スイープ { $sweep } の項目 { $item } 用に書かれたメモ
templates-new = 新しいテンプレート
templates-import = テンプレートを取り込む
templates-for-sweep-item = スイープ { $sweep } の項目 { $item } 用：メモはこの項目にリンクされます。
templates-note-amended = 修正済み
templates-note-see-amendment = 修正を見る
templates-note-amends = { $time } のメモを修正
templates-note-amends-unknown = この端末にないメモを修正
templates-note-amend = 修正
templates-note-amend-named = { $time } のメモを修正
templates-amending = { $time } のメモを修正中：保存すると、元のメモにリンクした新しいメモが書かれます。元のメモは変わりません。
templates-put-in-item = テキストを項目 { $item } のメモに入れる
templates-put-in-item-done = テキストを項目のメモに入れました。
templates-back-to-sweep = スイープに戻る
templates-type-text = テキスト
templates-type-multiline = 複数行
templates-type-choice = 選択肢
templates-type-handle = アカウント名
templates-type-url = リンク
templates-type-links = リンク（1行に1つ）
templates-type-date = 日付
templates-type-number = 数値
templates-type-case-id = ケースID
templates-type-policy-ref = ポリシーのセクション
templates-part-settings = 設定
templates-part-fields = フィールド
templates-part-body = { $lang } の本文
templates-diff-added = 追加
templates-diff-removed = 削除
templates-diff-changed = 変更
templates-diff-unchanged = 変更なし
templates-author-not-allowed = テンプレートを書けるのはスペシャリスト、トレーナー、管理者だけです。
templates-author-not-owner = このテンプレートは別の組織のものです。新しいバージョンを公開できるのはその組織のチームだけです。
templates-author-id-taken = は別のテンプレートで使われています
templates-author-settings = 設定
templates-author-id = ID
templates-author-id-help = 小文字の英字、数字、ハイフンで3〜60文字。変更できず、テンプレートのアドレスの一部になります。
templates-author-name = 名前
templates-author-kind = 種類
templates-author-area = ポリシー分野
templates-author-default-lang = 既定の言語
templates-author-default = 既定
templates-author-variant-name = この言語での名前（任意）
templates-author-body = 本文
templates-author-labels = { $lang } でのフィールドのラベル
templates-author-body-error = { $line } 行 { $column } 列：{ $detail }
templates-author-no-body = { $lang } の本文はありません：{ $lang } のメモは { $fallback } の本文を使います。
templates-author-preview = { $lang } のプレビュー
templates-author-new-title = 新しいテンプレート
templates-author-edit-title = { $name }：バージョン { $version }
templates-author-intro = プレースホルダーは {"{{"} field {"}}"} と書きます。{"{%"} if field {"%}"} … {"{%"} endif {"%}"} と {"{%"} for link in field {"%}"} … {"{%"} endfor {"%}"} が使えます。プレビューは各フィールドを既定値か例で埋めます。
templates-author-fields = { $count ->
   *[other] フィールド { $count } 件
}
templates-author-no-fields = フィールドはまだありません。
templates-author-add-field = フィールドを追加
templates-author-bodies = 言語ごとの本文
templates-author-bodies-help = 言語を空にすると、既定の言語の本文が使われます。
templates-author-unchanged = 最新のバージョンから何も変わっていません。
templates-author-failed = 公開されていません：{ $detail }
templates-author-publish = バージョン { $version } を公開
templates-author-problem-count = { $count ->
   *[other] 公開の前に直す問題が { $count } 件あります。
}
templates-author-options = 選択肢（1行に1つ）
templates-author-pattern = パターン
templates-author-pattern-help = # は数字、A は英大文字、それ以外はそのままの文字です。
templates-author-min = 最小
templates-author-max = 最大
templates-author-field-n = フィールド { $n }
templates-author-field-name = プレースホルダー名
templates-author-field-label = ラベル
templates-author-field-type = 型
templates-author-field-default = 既定値
templates-author-field-help = ヘルプ
templates-author-field-required = 必須
templates-author-move-up = 上へ
templates-author-move-up-named = { $name } を上へ
templates-author-remove = 削除
templates-author-remove-named = { $name } を削除
templates-versions-title = { $name }：バージョン
templates-versions-compose = メモを書く
templates-versions-edit = バージョン { $version } を書く
templates-shared-count = { $count ->
    [0] ベンダーと共有していません
   *[other] { $count } 社のベンダーと共有
}
templates-versions-version = バージョン { $version }：{ $name }
templates-versions-first = 最初のバージョン。
templates-versions-changes = バージョン { $from } からの変更
templates-import-title = テンプレートを取り込む
templates-import-intro = テンプレートごとに1つのMarkdownファイルが入ったフォルダーを選んでください。フロントマターに設定とフィールド、続いて ## en、## es、## ar、## ja の見出しで言語ごとの本文を書きます。保存の前に、すべての問題か公開される内容が表示されます。
templates-import-folder = テンプレートのフォルダー
templates-import-not-ours = は別の組織のものです。公開できるのはその組織のチームだけです
templates-import-new = 新しいテンプレート、バージョン 1
templates-import-next = バージョン { $from } の次のバージョン { $version }
templates-import-unchanged = 変更なし（バージョン { $version }）
templates-import-refused = 別の組織のテンプレートが含まれているため、何も公開できません。フォルダーから外してください。
templates-import-nothing = 公開するものはありません。どのテンプレートも変わっていません。
templates-import-publish = { $count ->
   *[other] テンプレート { $count } 件を公開
}
templates-import-published = { $count ->
   *[other] テンプレート { $count } 件を公開しました。
}
## Sweeps (issue 11)

sweeps-title = スイープ
sweeps-intro = リアルタイムの事象に対するガイダンスと、それに沿って確認する項目です。オフラインでも作業でき、接続が戻ると同期されます。
sweeps-sign-in-list = スイープを見て作業するにはサインインしてください。
sweeps-sign-in-work = このスイープで作業するにはサインインしてください。
sweeps-none-publish = まだスイープはありません。下から最初のスイープを公開してください。
sweeps-none-wait = まだスイープはありません。スペシャリストがここに公開します。
sweeps-published-by = { $date } に { $author } が公開
sweeps-state-plain = 自由記述のガイダンス
sweeps-state-version = ガイダンス 第 { $version } 版
sweeps-done-of = { $total } 件中 { $done } 件完了
sweeps-decided = 判断済み { $count } 件
sweeps-conflicts = 競合 { $count } 件
sweeps-decision-no-violation = 違反なし
sweeps-decision-label = ラベル付け
sweeps-decision-remove = 削除
sweeps-decision-escalate = エスカレーション
sweeps-decision-none = — なし —
sweeps-new-title = スイープを公開
sweeps-field-title = タイトル
sweeps-field-title-example = 選挙の夜：偽の投票所情報
sweeps-field-guidance = ガイダンス
sweeps-field-guidance-example = 探すもの、期間と地域、エスカレーションの基準。
sweeps-field-items = 項目（1 行に 1 つのリンクまたはハンドル。ケース ID や「link」列のある CSV テキストも可）
sweeps-publish = 公開
sweeps-import-ok = { $count } 件の項目。
sweeps-import-duplicates = 重複行 { $count } 行を除外しました。
sweeps-import-blank = 空行 { $count } 行を除外しました。
sweeps-import-bad = { $count } 行が項目ではありません。修正するまで何も取り込まれません。
sweeps-import-line = { $line } 行目
sweeps-import-empty = リンク、ハンドル、ケース ID を 1 つ以上貼り付けてください。
sweeps-import-too-large = テキストが大きすぎます（最大 { $max } バイト）。
sweeps-import-too-many = スイープの項目は最大 { $max } 件です。このリストには { $count } 件あります。
sweeps-line-too-long = { $max } 文字を超えています
sweeps-line-control = 制御文字が含まれています
sweeps-line-scheme = リンクは http:// または https:// で始まる必要があります
sweeps-line-no-host = リンクにホストがありません
sweeps-line-handle = ハンドルは @ と 64 文字以内の英数字、_、. です
sweeps-line-unknown = リンク、ハンドル、ケース ID のいずれでもありません
sweeps-line-quote = CSV の引用符が閉じていません
sweeps-line-column = 行に「{ $column }」列がありません
sweeps-error-no-title = スイープにタイトルを付けてください。
sweeps-error-title-long = タイトルは { $max } 文字以内です。
sweeps-error-guidance-long = ガイダンスは { $max } 文字以内です。
sweeps-orgs-failed = 組織を読み込めませんでした: { $reason }
sweeps-orgs-loading = 組織を読み込み中…
sweeps-shared-with = 共有先
sweeps-no-vendors = ベンダー組織はまだありません。
sweeps-shared-count = { $count } 組織と共有
sweeps-not-found = スイープが見つかりません
sweeps-not-found-body = このスイープはまだこの端末にありません。公開されたばかりなら、同期が追いつき次第表示されます。
sweeps-all = すべてのスイープ
sweeps-guidance = ガイダンス
sweeps-read-only = このスイープは閲覧のみです。項目の作業はエージェント、スペシャリスト、管理者が行います。
sweeps-next-unworked = 次の未作業の項目
sweeps-keys-button = キー (?)
sweeps-keys-title = キー操作
sweeps-keys-typing = 入力欄で入力中はキーは動作しません。先に Escape を押すか欄の外をクリックしてください。
sweeps-keys-close = 閉じる
sweeps-key-next = 次の項目
sweeps-key-previous = 前の項目
sweeps-key-unworked = 次の未作業の項目を取る（自分のキューが先）
sweeps-key-decision = 判断 N を選ぶ
sweeps-key-step = チェックリストの手順 N に回答（チェックは切り替え、選択肢は次へ）
sweeps-key-note = メモを書く
sweeps-key-done = 完了／未完了にする
sweeps-key-help = この一覧を表示／非表示
sweeps-filter-text = 検索
sweeps-filter-status = 表示
sweeps-filter-decision = 判断
sweeps-filter-any = すべて
sweeps-filter-all = すべての項目
sweeps-filter-open = 未完了
sweeps-filter-done = 完了
sweeps-filter-mine = 自分の担当
sweeps-filter-unassigned = 担当者なし
sweeps-filter-conflicts = 競合あり
sweeps-filter-count = { $total } 件中 { $shown } 件
sweeps-window-before = この前に { $count } 件あります。k で移動します。
sweeps-window-after = この後にさらに { $count } 件あります。j で移動するか、絞り込んでください。
sweeps-guidance-version = ガイダンス 第 { $version } 版: { $title }
sweeps-guidance-event = 事象:
sweeps-guidance-window = 期間:
sweeps-guidance-where = 地域と言語:
sweeps-guidance-escalate = エスカレーション:
sweeps-guidance-checklist = 各項目のチェックリスト
sweeps-guidance-decisions = 判断
sweeps-ack-title = ガイダンス第 { $version } 版が有効です
sweeps-ack-body = 次の項目の前に、上の内容を読んでください。回答には作業時の版が記録されます。
sweeps-ack-since = 最後に確認した第 { $version } 版からの変更点:
sweeps-ack-button = 第 { $version } 版を読みました
sweeps-change-text = { $part }が変わりました
sweeps-part-title = タイトル
sweeps-part-event = 事象
sweeps-part-description = 説明
sweeps-part-escalation = エスカレーション基準
sweeps-part-where = 期間・地域・言語
sweeps-change-step-added = 新しい手順: { $step }
sweeps-change-step-changed = 変更された手順: { $step }
sweeps-change-step-removed = 削除された手順: { $step }
sweeps-change-decision-added = 新しい判断: { $decision }
sweeps-change-decision-changed = 変更された判断: { $decision }
sweeps-change-decision-removed = 削除された判断: { $decision }
sweeps-checklist = チェックリスト（第 { $version } 版）
sweeps-checklist-older = この回答は第 { $version } 版で行われました。回答し直すと有効な版が記録されます。
sweeps-choose = — 選択 —
sweeps-answers = チェックリストの回答
sweeps-nothing = なし
sweeps-done = 完了
sweeps-not-done = 未完了
sweeps-field-decision = 判断
sweeps-field-note = メモ
sweeps-note-from-template = テンプレートからメモを書く
sweeps-field-done = 完了
sweeps-field-answers = チェックリスト
sweeps-field-assignee = 担当
sweeps-conflict-title = { $field }への編集が競合しています。
sweeps-conflict-shown = 表示中: 「{ $value }」（{ $author }）。
sweeps-conflict-unseen = これを見ずに行われた編集:
sweeps-conflict-value = 「{ $value }」（{ $author }）
sweeps-conflict-keep = 「{ $value }」を残す
sweeps-conflict-use = 「{ $value }」を使う
sweeps-held-by = 担当: { $name }
sweeps-take = 担当する
sweeps-pending = 同期待ち
sweeps-pending-title = この端末に保存済み。まだサーバーにはありません
sweeps-worked-by = { $author } が判断（{ $date }）
sweeps-dash-title = ダッシュボード
sweeps-dash-done = 完了
sweeps-dash-unassigned = 担当者なし
sweeps-dash-escalations = エスカレーション
sweeps-dash-median = 項目あたりの所要時間（中央値）
sweeps-dash-conflicts = 競合
sweeps-dash-none = まだ不明
sweeps-dash-seconds = { $count } 秒
sweeps-dash-people = 担当者別
sweeps-dash-orgs = 組織別
sweeps-dash-person = 担当者
sweeps-dash-org = 組織
sweeps-dash-col-done = 完了
sweeps-dash-col-remaining = 残り
sweeps-dash-sections = ポリシーセクション別の判断
sweeps-dash-section = セクション
sweeps-dash-col-items = 項目
sweeps-dash-acks = 第 { $version } 版の確認状況
sweeps-dash-col-acknowledged = 確認
sweeps-dash-ack-yes = 済み
sweeps-dash-ack-never = 未確認
sweeps-dash-ack-old = 第 { $version } 版のみ
sweeps-dash-stale = 停滞中の担当 { $count } 件
sweeps-dash-stale-item = 項目 { $item }（担当: { $name }）
sweeps-dash-release = 解除
sweeps-export-items = 項目を書き出す (CSV)
sweeps-export-timeline = 経過を書き出す (CSV)
sweeps-export-json = すべて書き出す (JSON)
sweeps-author-title = ガイダンス第 { $version } 版を書く
sweeps-author-help = 版は JSON で書きます: タイトル、事象、期間、地域、言語、説明（Markdown）、エスカレーション、関連セクション、チェックリスト（種類は check・choice・text、必須かどうか、任意で前の手順の回答に応じた “when”）、判断（それぞれポリシーセクションと版、執行措置）。入力中に検証され、プレビューにエージェントの見え方が表示されます。
sweeps-author-draft = 第 { $version } 版の下書きが保存されています。公開すると全エージェントに確認を求めます。
sweeps-author-field = 第 { $version } 版（JSON）
sweeps-author-valid = 保存または公開できます。
sweeps-author-invalid = まだ保存できません: { $reason }
sweeps-author-save = 下書きを保存
sweeps-author-publish = 第 { $version } 版を公開
sweeps-author-preview = プレビュー

## ポリシー検索(スタートページ)

search-heading = ポリシー検索
search-label = ポリシーを検索
search-placeholder = ポリシーを検索 — / キーでここに移動
search-help = 入力に合わせて結果が更新されます。下矢印キーで結果に移動します。
search-loading = ポリシーライブラリを読み込んでいます…
search-nothing = 「{ $query }」に一致するものはありません。
search-nothing-filtered = このフィルターでは「{ $query }」に一致するものはありません。
search-nothing-advice = つづりを確認する、語を減らすかより一般的な語にする、またはフィルターを外してください。例:
search-count = 一致するセクション { $total } 件
search-count-best = 一致する { $total } 件のうち上位 { $shown } 件
search-facet-area = 分野
search-facet-region = 地域
search-facet-language = 言語
search-facet-action = 措置
search-filter-by-area = 分野で絞り込む
search-filter-by-region = 地域で絞り込む
search-filter-by-language = 言語で絞り込む
search-filter-by-action = 措置で絞り込む
search-region-global = 全世界
search-filter = 絞り込み:
search-active-filters = 適用中のフィルター
search-remove-filter = フィルター「{ $filter }」を外す
search-all-policies = すべてのポリシー({ $count } 件)
search-policies = ポリシー
search-policy-meta = v{ $version } · { $sections } セクション

## Reading lists
nav-reading = 読書リスト
palette-kind-reading = 読書リスト
search-other-language = { $language ->
    [ar] アラビア語の結果はありません。他の言語のセクションを表示しています。
    [ja] 日本語の結果はありません。他の言語のセクションを表示しています。
   *[other] 検索した言語の結果はありません。他の言語のセクションを表示しています。
}
reading-title = 読書リスト
reading-intro = 順番に読むポリシーライブラリのセクションと、トレーナーからのメモです。読み終えたらチェックを付けてください。
reading-sign-in = 組織と共有されている読書リストを見るにはサインインしてください。
reading-none = あなたの組織と共有されている読書リストはまだありません。
reading-none-write = 読書リストはまだありません。下で作成できます。
reading-progress = { $total } 件中 { $read } 件を読了
reading-new-title = 新しい読書リスト
reading-field-title = タイトル
reading-field-description = 説明
reading-create = リストを作成
reading-not-found = この読書リストは存在しないか、あなたの組織とは共有されていません。
reading-back = すべての読書リスト
reading-by = 作成者: { $author }
reading-copy-link = このリストのリンクをコピー
reading-link-copied = リンクをコピーしました
reading-empty = このリストにはまだセクションがありません。
reading-mark = 「{ $section }」を読了にする
reading-changed = v{ $version } から変更されています。現行版は v{ $current } です。変更点を表示
reading-unchanged = 現行版 v{ $current } でも同じ内容です。
reading-removed = このセクションは現行版 v{ $current } にはありません。
reading-missing = このセクションはこの端末のポリシーライブラリにありません。
reading-read-older = あなたが読んだのは v{ $read } です。リストは現在 v{ $version } を指しています。
reading-who-read = 誰が何を読んだか
reading-nobody = まだ誰もセクションを読了にしていません。
reading-reader = 読者
reading-read-count = 読了
reading-cell-read = 読了
reading-cell-read-old = v{ $version } を読了
reading-cell-unread = 未読
reading-edit = このリストを編集
reading-paste-link = リンクでセクションを追加
reading-add = 追加
reading-link-bad = ポリシーのセクションへのリンクではありません。セクションの ¶ ボタンかアドレスバーからコピーしてください。
reading-link-unknown = ポリシーライブラリのそのバージョンにそのセクションはありません。
reading-search = 追加するセクションを探す
reading-search-results = 見つかったセクション
reading-add-section = { $section } を追加
reading-sections = セクション（{ $count } 件、最大 { $max } 件）
reading-note-for = 「{ $section }」へのメモ
reading-move-up = 「{ $section }」を上へ
reading-move-down = 「{ $section }」を下へ
reading-remove = 「{ $section }」を削除
reading-remove-short = 削除
reading-save = リストを保存
reading-saved = 保存しました。
reading-problem-no-title = 読書リストにはタイトルが必要です。
reading-problem-title-long = タイトルは { $max } 文字までです。
reading-problem-description-long = 説明は { $max } 文字までです。
reading-problem-too-many = 読書リストのセクションは { $max } 件までです。
reading-problem-note-long = メモは { $max } 文字までです。
reading-problem-bad-item = このリストのセクションの一つが正しくありません。削除してから追加し直してください。
reading-problem-control = テキストに制御文字が含まれています。
reading-problem-too-large = メモの合計が長すぎます。いくつか短くしてください。

## Zip import
import-zip-not-zip = { $file } は zip ファイルではありません。
import-zip-damaged = { $file } は壊れているか、途中で切れています。
import-zip-damaged-file = zip ファイル内の { $file } が壊れています。
import-zip-too-many = { $file } には { $max } 個を超える項目があります。
import-zip-file-too-large = { $file } は展開すると { $kib } KiB を超えます。
import-zip-too-large = zip ファイル内のライブラリファイルは、展開すると合計で { $mib } MiB を超えます。
import-zip-unsupported = { $file } は暗号化・分割されているか、このページで読めない方式で圧縮されています。パスワードなしでフォルダーを zip し直してください。
import-zip-bad-path = { $file } はフォルダー内の安全なパスではありません。
