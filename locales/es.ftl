# La interfaz de Casebook en español. Los ids son los de en.ftl; un mensaje que falte aquí
# se muestra en inglés.

## El marco de cada página

app-name = Casebook
skip-to-content = Ir al contenido
nav-main = Principal
nav-policies = Políticas
nav-sweeps = Barridos
nav-templates = Plantillas
nav-settings = Ajustes
nav-people = Personas
nav-import = Importar
nav-audit = Registro de auditoría
language-picker = Idioma de la interfaz
sign-in = Iniciar sesión
sign-out = Cerrar sesión
working-offline = { $name } · trabajando sin conexión
sign-out-unsent = { $count ->
    [one] 1 cambio aún no ha llegado al servidor. Si cierras sesión, se borrará de este dispositivo. ¿Cerrar sesión de todos modos?
   *[other] { $count } cambios aún no han llegado al servidor. Si cierras sesión, se borrarán de este dispositivo. ¿Cerrar sesión de todos modos?
}
library-saved-offline = Estás sin conexión. Se muestra la biblioteca de políticas guardada en este dispositivo { $when }.
library-saved-unreachable = No se puede contactar con el servidor. Se muestra la biblioteca de políticas guardada en este dispositivo { $when }.
library-saved-checking = Se muestra la biblioteca de políticas guardada en este dispositivo { $when }; buscando actualizaciones…
just-now = ahora mismo

## Roles y organizaciones

role-agent = agente
role-specialist = especialista en políticas
role-trainer = formador
role-admin = administrador
title-platform = Plataforma · { $role }
title-vendor = Proveedor · { $role }

## Conexión

connection-checking = Conectando…
connection-online = En línea
connection-offline = Sin conexión
connection-unreachable = Servidor inaccesible

## Estado de sincronización en la cabecera

sync-waiting = { $count ->
    [one] 1 cambio pendiente
   *[other] { $count } cambios pendientes
}
sync-refused-short = 1 cambio rechazado · ver por qué
sync-loading = Cargando tu trabajo…
sync-catching-up = Poniéndose al día { $percent } %
sync-syncing = Sincronizando…
sync-not-connected = Sin conexión
sync-saved-here = Guardado aquí · { $waiting }
sync-signed-out = Sesión cerrada; inicia sesión para sincronizar
sync-problem = Problema de sincronización
sync-synced-ago = Sincronizado { $when }
sync-synced = Sincronizado
sync-refused = El servidor rechazó un cambio:
sync-refused-blocks = Los cambios posteriores esperan hasta que lo reintentes o lo descartes.
sync-retry = Reintentar
sync-discard = Descartar este cambio
sync-all-sent = Todos los cambios hechos en este dispositivo han llegado al servidor.
sync-saved-count = { $count ->
    [one] 1 cambio está guardado en este dispositivo y se enviará cuando responda el servidor.
   *[other] { $count } cambios están guardados en este dispositivo y se enviarán cuando responda el servidor.
}
sync-last = Última sincronización { $when }.
sync-never = Aún no se ha sincronizado en este dispositivo.
sync-now = Sincronizar ahora

## Páginas que no existen

not-found-title = Página no encontrada
not-found-body = Casebook no tiene ninguna página en esta dirección. El enlace puede estar mal escrito o ser de una versión anterior.
not-found-search = Ir a la búsqueda de políticas
planned-not-yet = Esta herramienta aún no está disponible en esta versión de Casebook.
planned-search = Buscar en la biblioteca de políticas

## Fallos al hablar con el servidor

api-unreachable = Casebook no puede contactar con su servidor. Revisa tu conexión; esta página lo reintenta cuando vuelvas a estar en línea.
api-server-error = { $message } (solicitud { $request })
api-status = El servidor respondió con el estado { $status }.
api-unreadable = No se pudo leer la respuesta del servidor. Recarga la página para obtener la versión más reciente de Casebook.

## Códigos de error del servidor: { $detail } es la explicación del servidor (en inglés)

error-not_found = No encontrado. { $detail }
error-bad_request = La solicitud no se aceptó: { $detail }
error-invalid = Revisa lo que has escrito: { $detail }
error-conflict = Esto cambió a la vez en otro sitio: { $detail }
error-invalid_library = La biblioteca de políticas tiene errores: { $detail }
error-method_not_allowed = Esa acción no es posible aquí.
error-sign_in_required = Vuelve a iniciar sesión.
error-forbidden = Tu rol no permite hacer esto.
error-csrf_header_missing = La solicitud se bloqueó por tu seguridad. Recarga la página e inténtalo de nuevo.
error-bad_credentials = El correo o la contraseña no son correctos.
error-account_switched_off = Esta cuenta está desactivada. Pregunta a tu administrador.
error-too_many_attempts = Demasiados intentos. Espera unos minutos y vuelve a intentarlo.
error-unsupported_media_type = El servidor no puede leer este tipo de solicitud.
error-payload_too_large = Es demasiado grande para enviarlo.
error-busy = El servidor está ocupado. Se reintentará en breve.
error-internal = Algo falló en el servidor. Tu trabajo se conserva; inténtalo de nuevo.
error-schema_version = Esta versión de Casebook está desactualizada. Recarga la página.
error-sync_gap = Algunos cambios se perdieron por el camino. Se están enviando de nuevo.
error-invalid_push = El servidor no pudo leer estos cambios: { $detail }
error-invalid_edit = Este cambio no es válido: { $detail }
error-edit_not_allowed = No puedes hacer este cambio: { $detail }
error-out_of_scope = Esto pertenece a otra organización.
error-no_such_object = Esto ya no existe.
error-client_of_another_person = Estos cambios son de otra persona en este dispositivo.
error-write_quota = El almacenamiento de tu organización está lleno. Pregunta a tu administrador.

## Sweeps (issue 11)

sweeps-keys-hint = Pulsa ? para ver las teclas.
## Policy pages (lookup2)

policy-loading = Cargando la política…
policy-not-found = Política no encontrada
policy-not-found-detail = No hay ninguna política llamada «{ $slug }». Puede que haya cambiado de nombre.
policy-search-library = Buscar en la biblioteca de políticas
policy-no-version = Esta política no tiene versión { $number }.
policy-open-current = Abrir la versión vigente
policy-open-current-numbered = Abrir la versión vigente (v{ $number })
policy-draft-note = Esto es un borrador. No lo apliques todavía.
policy-old-note = Esta no es la versión vigente de la política.
policy-fact-version = Versión
policy-fact-effective = En vigor desde
policy-fact-since = Fuera de uso desde
policy-fact-verified = Verificada hasta
policy-fact-owner = Responsable
policy-fact-regions = Regiones
policy-overdue = — revisión pendiente
policy-version-status = v{ $number } · { $status }
policy-status-draft = Borrador
policy-status-published = Publicada
policy-status-superseded = Reemplazada
policy-status-retired = Retirada
policy-sections = Secciones
policy-versions = Versiones
policy-versions-label = Versiones:
policy-version-link = v{ $number } ({ $status })
policy-changed-since = Qué cambió desde la v{ $number }
policy-link-to-section = Enlace a { $heading }
policy-copy-link = Copiar enlace
policy-link-copied = Enlace copiado
policy-copy-section-title = Copiar un enlace a esta sección de esta versión (tecla: c)
policy-copy-by-hand = Este navegador no permite copiar aquí. El enlace está seleccionado: pulsa Ctrl+C (⌘C en Mac) para copiarlo.
policy-paragraph-bar = Sobre este párrafo
policy-copy-paragraph = Copiar enlace a este párrafo
policy-paragraph-not-current = Esta es la v{ $number }, no la versión vigente (v{ $current }).
policy-section-in-current = Leer esta sección en la v{ $current }
policy-section-changed-since = Qué cambió en esta sección desde la v{ $number }
policy-section-unchanged = Esta sección es igual en la v{ $current }.
policy-section-gone = La v{ $current } ya no tiene esta sección.
policy-actions = Medidas de aplicación
policy-action = Medida
policy-severity = Gravedad
policy-when = Cuándo se aplica
policy-severity-low = Baja
policy-severity-medium = Media
policy-severity-high = Alta
policy-severity-critical = Crítica
diff-title = Qué cambió en { $title }
diff-no-versions = Esta política no tiene la versión { $from } o { $to }.
diff-compare = Comparar
diff-with = con
diff-version-option = v{ $number } ({ $status }, { $effective })
diff-same-text = Estas versiones tienen el mismo texto.
diff-counts = Secciones cambiadas: { $changed }, añadidas: { $added }, eliminadas: { $removed }. Medidas de aplicación cambiadas: { $actions }.
diff-summary = Resumen:
diff-added = Añadida
diff-removed = Eliminada
diff-changed = Cambiada
diff-unchanged = Sin cambios
diff-open-in = Abrir en la v{ $version }
diff-previously-headed = Antes se titulaba «{ $heading }».
diff-unchanged-list = Sin cambios: { $headings }.
diff-change = Cambio
diff-version = v{ $version }

## Library updates in open tabs (lookup2)

library-update-available = Hay una nueva versión de la biblioteca de políticas.
library-update-show = Mostrarla

## Library import page (lookup2)

import-title = Importar políticas
import-intro = Elige la carpeta de la biblioteca, algunos de sus archivos o un zip de la carpeta. Verás cada problema, o lo que cambiará, antes de guardar nada.
import-folder = Carpeta de la biblioteca
import-files = O archivos, o un archivo zip
import-working = Comprobando…
import-unreadable = No se pudieron leer los archivos elegidos.
import-not-text = { $file } no es un archivo de texto.
import-too-large = Elige como máximo { $files } archivos y { $mib } MiB en total.
import-problems = { $count ->
    [one] Un problema. No se guardó nada.
   *[other] { $count } problemas. No se guardó nada.
}
import-whole-folder = Toda la carpeta
import-line = Línea { $line }:
import-preview = Qué cambiará
import-new-policies = Políticas nuevas
import-new-versions = Versiones nuevas
import-version-changes = frente a la v{ $current }: { $changed } secciones cambiadas, { $added } añadidas, { $removed } eliminadas; { $actions } medidas cambiadas
import-status-changes = Cambios de estado
import-status-change = { $slug } v{ $number } pasa a { $status } { $since }
import-unchanged = { $count ->
    [one] Un archivo ya está en la biblioteca.
   *[other] { $count } archivos ya están en la biblioteca.
}
import-nothing = Nada que importar: la biblioteca ya tiene estos archivos.
import-apply = Aplicar la importación
import-applied = Importado: { $versions } versiones nuevas, { $changes } cambios de estado.
## Paleta de comandos (Ctrl-K) y atajos de teclado (?)

palette-title = Ir a o hacer
palette-input = Busca una página, política, barrido o acción
palette-placeholder = Escribe para encontrar una página, política, barrido o acción…
palette-nothing = No hay coincidencias. Prueba con otra palabra.
palette-hint = ↑ ↓ para elegir · Intro para abrir · Esc para cerrar
palette-kind-page = Página
palette-kind-account = Cuenta
palette-kind-policy = Política
palette-kind-template = Plantilla
palette-kind-sweep = Barrido
palette-language = Cambiar la interfaz a { $language }
shortcut-palette = Abrir la paleta de comandos
shortcut-help = Mostrar estos atajos
shortcut-close = Cerrar un diálogo o panel
shortcut-search = Ir al cuadro de búsqueda
shortcut-copy-link = Copiar el enlace a esta sección
shortcut-unnamed = Acción de la página
shortcuts-title = Atajos de teclado
shortcuts-everywhere = En todas partes
shortcuts-this-page = En esta página
shortcuts-not-while-typing = Los atajos de una tecla no hacen nada mientras escribes en un campo.
shortcuts-close = Cerrar
## Iniciar sesión (i18npages)

signin-signed-in = Sesión iniciada
signin-signed-in-as = Has iniciado sesión como { $name } ({ $email }).
signin-go-search = Ir a la búsqueda de políticas
signin-hint = Usa la cuenta que te dio el administrador de tu proveedor.
signin-email = Correo electrónico
signin-password = Contraseña
signin-busy = Iniciando sesión…
signin-checking = Cargando…
document-paragraph-link = Enlace al párrafo { $number }

## Ajustes

settings-title = Ajustes
settings-account = Tu cuenta
settings-who = { $name } · { $title } en { $org }
settings-loading = Cargando…
settings-sign-in-to-change = Inicia sesión para cambiar tu contraseña.
settings-language = Idioma
settings-language-legend = Idioma de la interfaz
settings-language-hint = Los botones, mensajes y fechas usan este idioma. Las políticas conservan su propio idioma. Este dispositivo recuerda la elección.
settings-device = Este dispositivo
settings-insecure = El inicio sin conexión necesita https. Esta dirección es http simple, así que el navegador no deja que Casebook se guarde en este dispositivo para abrirse sin red, ni que copie enlaces por ti (se muestran para copiarlos a mano). Todo lo demás funciona. Pide a tu administrador una dirección https.
settings-later = Próximamente
settings-later-list = Difuminado de contenido multimedia y atajos de teclado.
settings-password-title = Cambiar tu contraseña
settings-current-password = Contraseña actual
settings-new-password = Contraseña nueva
settings-password-rule = Al menos { $min } caracteres.
settings-repeat-password = Repite la contraseña nueva
settings-passwords-differ = Las dos contraseñas nuevas no coinciden; escribe la misma dos veces.
settings-password-changed = Tu contraseña ha cambiado. Se ha cerrado tu sesión en cualquier otro sitio donde la tuvieras abierta.
settings-changing = Cambiando…
settings-change-password = Cambiar contraseña

## Personas

people-title = Personas
people-only-admins = Solo los administradores pueden gestionar personas.
people-intro = Todas las personas con cuenta en { $org }. Una cuenta desactivada no puede iniciar sesión y sus sesiones abiertas terminan al instante; actívala de nuevo para restaurarla.
people-loading = Cargando…
people-everyone = Todos ({ $count })
people-find = Buscar
people-find-placeholder = nombre, correo o rol
people-nobody = Nadie coincide.
people-table = Todas las personas de la organización
people-name = Nombre
people-email = Correo electrónico
people-role = Rol
people-account = Cuenta
people-password = Contraseña
people-you = (tú)
people-role-of = Rol de { $name }
people-role-agent = Agente
people-role-specialist = Especialista en políticas
people-role-trainer = Formador
people-role-admin = Administrador
people-active = Activa
people-off = Desactivada
people-switch-off = Desactivar
people-switch-on = Activar
people-switch-off-label = Desactivar la cuenta de { $name }
people-switch-on-label = Activar la cuenta de { $name }
people-change-yours = Cambia la tuya en Ajustes
people-new-password-for = Contraseña nueva para { $name }
people-new-password = Contraseña nueva…
people-set = Guardar
people-cancel = Cancelar
people-add-title = Añadir una persona
people-first-password = Primera contraseña
people-suggest = Sugerir otra
people-add = Añadir persona
people-adding = Añadiendo…
people-password-hint = Las contraseñas necesitan al menos { $min } caracteres. Entrega tú la primera a la persona; Casebook no envía correos.
people-added = Se añadió a { $name } ({ $email }) como { $role }. Dale su correo y la primera contraseña que pusiste.
people-could-not-add = No se pudo añadir a { $name }: { $reason }
people-could-not-change = No se pudo cambiar a { $name }: { $reason }
people-now-role = { $name } ahora es { $role }.
people-switched-off-done = Se desactivó la cuenta de { $name }; sus sesiones han terminado.
people-switched-on-done = Se activó la cuenta de { $name }; puede volver a iniciar sesión.
people-password-done = Se puso una contraseña nueva a { $name }; sus sesiones han terminado.

## Registro de auditoría

audit-title = Registro de auditoría
audit-only-admins = Solo los administradores pueden leer el registro de auditoría.
audit-loading = Cargando…
audit-none = Ninguna entrada coincide.
audit-any = cualquiera
audit-time = Hora
audit-person = Persona
audit-action = Acción
audit-object = Objeto
audit-result = Resultado
audit-detail = Detalle
audit-request = Solicitud
audit-anonymous = sin sesión
audit-client-time = Reloj del dispositivo: { $time }
audit-count = { $count ->
    [one] Se muestra 1 entrada.
   *[other] Se muestran { $count } entradas, de la más reciente a la más antigua.
}
audit-show-older = Mostrar entradas anteriores
audit-result-ok = Correcto
audit-result-failed = Fallido
audit-result-denied = Rechazado
audit-action-sign-in = Inicio de sesión
audit-action-sign-out = Cierre de sesión
audit-action-sync-push = Cambios guardados
audit-action-user-create = Cuenta añadida
audit-action-user-change = Cuenta cambiada
audit-action-user-password = Contraseña propia cambiada
audit-action-library-import = Importación de políticas
audit-action-request-denied = Solicitud rechazada
audit-detail-rate-limited = Demasiados intentos
audit-detail-wrong-credentials = Correo o contraseña incorrectos
audit-detail-switched-off = Cuenta desactivada
audit-detail-changed-during-sign-in = La cuenta cambió durante el inicio de sesión
audit-detail-wrong-current-password = Contraseña actual incorrecta
audit-detail-changed-during-change = La cuenta cambió durante el cambio
audit-detail-other-sessions-ended = Se cerraron las demás sesiones
audit-detail-edits = { $count ->
    [one] 1 cambio: { $fields }
   *[other] { $count } cambios: { $fields }
}
audit-detail-edits-more = { $count ->
    [one] 1 cambio: { $fields } y { $more } más
   *[other] { $count } cambios: { $fields } y { $more } más
}
audit-detail-import = Versiones añadidas: { $added }; sin cambios: { $unchanged }
audit-detail-import-failed = { $count ->
    [one] 1 problema; no se importó nada
   *[other] { $count } problemas; no se importó nada
}
audit-detail-created = { $email } como { $role }
audit-detail-role = rol: { $role }
audit-detail-switched-on-now = activada
audit-detail-switched-off-now = desactivada
audit-detail-new-password = contraseña nueva
audit-list-separator = { ", " }

## Cambios y descargas que fallan en este dispositivo (i18npages)

edit-impossible = Este cambio no es posible: { $reason }.
edit-signed-out = Has cerrado la sesión.
edit-signed-out-elsewhere = Se cerró tu sesión en otra pestaña. Recarga la página e inicia sesión.
edit-not-saved = No se pudo guardar el cambio. No se modificó nada.
edit-storage-refused = Este navegador no dejó guardar el cambio (¿está lleno su almacenamiento?). No se modificó nada.
sync-storage-refused = Este navegador no dejó guardar los datos sincronizados (¿está lleno su almacenamiento?).
library-unreachable = Casebook no puede conectar con su servidor.
library-status = El servidor no pudo enviar la biblioteca de políticas (estado { $status }).
library-interrupted = La descarga de la biblioteca de políticas se interrumpió.
library-unreadable = No se pudo leer la biblioteca de políticas. Recarga la página.
library-index-interrupted = La descarga del índice de búsqueda se interrumpió.
## Case-note templates (issue 10)
templates-title = Plantillas de notas
templates-intro = Elige una plantilla, rellena sus campos y copia la nota. Las notas se guardan para tu organización y funcionan sin conexión.
templates-sign-in = Inicia sesión para usar las plantillas de notas.
templates-search-label = Buscar plantillas
templates-search-placeholder = Nombre, área de política, tipo o idioma
templates-search-hint = Pulsa Intro para abrir la primera coincidencia, o / para volver aquí.
templates-count = { $count ->
    [one] Una plantilla
   *[other] { $count } plantillas
}
templates-none = Aún no hay plantillas. Las escriben especialistas y formadores.
templates-no-match = Ninguna plantilla coincide con «{ $query }».
templates-kind-notice = Aviso al usuario
templates-kind-enforcement = Nota de medida
templates-kind-escalation = Escalado
templates-version = versión { $version }
templates-not-found = Esta plantilla no está en este dispositivo. Puede que no se haya compartido con tu organización o que aún no se haya sincronizado.
templates-back = Todas las plantillas
templates-compose-title = Redactar: { $name }
templates-fields = Campos
templates-note-language = Idioma de la nota
templates-falls-back = { $lang } (usa { $fallback })
templates-required = obligatorio
templates-choose = Elige…
templates-preview = Vista previa
templates-preview-error = No se puede mostrar la vista previa: { $detail }
templates-copy-save = Copiar y guardar
templates-copy-hint = Ctrl+Intro copia la nota y la guarda.
templates-blocked = Rellena antes de copiar: { $fields }
templates-saved = Copiada al portapapeles y guardada.
templates-saved-not-copied = Guardada. El portapapeles no está disponible aquí: selecciona la vista previa y cópiala.
templates-save-failed = No se guardó: { $detail }
templates-pii-title = Se encontraron datos personales
templates-pii-found = { $kind } en { $field }
templates-pii-redact = Ocultar y copiar
templates-pii-keep = Mantener y registrar
templates-pii-kind-email = Un correo electrónico
templates-pii-kind-phone = Un número de teléfono
templates-pii-kind-card = Un número de tarjeta de pago
templates-pii-kind-iban = Un IBAN
templates-problem-required = Obligatorio.
templates-problem-too-long = Como máximo { $max } caracteres.
templates-problem-control = Quita los caracteres de control.
templates-problem-not-a-choice = Elige una de las opciones.
templates-problem-bad-handle = No es un nombre de cuenta.
templates-problem-bad-url = No es un enlace http(s).
templates-problem-too-many-links = Como máximo { $max } enlaces.
templates-problem-bad-date = No es una fecha (AAAA-MM-DD).
templates-problem-not-a-number = No es un número entero.
templates-problem-below-min = Como mínimo { $min }.
templates-problem-above-max = Como máximo { $max }.
templates-problem-pattern = Debe tener la forma { $pattern } (# es un dígito, A una letra mayúscula).
templates-problem-bad-policy-ref = Escríbelo como política#sección@versión.
templates-history = Historial de notas
templates-history-search = Buscar notas
templates-history-placeholder = Caso, política, plantilla o texto
templates-history-none = Aún no hay notas.
templates-history-no-match = Ninguna nota coincide.
templates-note-meta = { $template } · { $lang } · { $author } · { $time }
templates-note-case = caso { $case }
templates-note-pending = Pendiente de sincronizar
templates-note-kept = Datos personales mantenidos: { $kinds }
templates-policy-picker-hint = Escribe palabras para buscar en las políticas y elige una sección con las flechas y Enter.
templates-policy-picker-options = Secciones de política
templates-policy-picker-none = Ninguna sección coincide con «{ $query }».
templates-note-sweep-item = Escrita para el elemento { $item } del barrido { $sweep }
templates-new = Nueva plantilla
templates-import = Importar plantillas
templates-for-sweep-item = Para el elemento { $item } del barrido { $sweep }: la nota quedará enlazada a él.
templates-note-amended = Corregida
templates-note-see-amendment = Ver la corrección
templates-note-amends = Corrige la nota del { $time }
templates-note-amends-unknown = Corrige una nota que no está en este dispositivo
templates-note-amend = Corregir
templates-note-amend-named = Corregir la nota del { $time }
templates-amending = Corrigiendo la nota del { $time }: al guardar se escribe una nota nueva enlazada; la anterior no cambia.
templates-put-in-item = Poner el texto en la nota del elemento { $item }
templates-put-in-item-done = El texto está en la nota del elemento.
templates-back-to-sweep = Volver al barrido
templates-type-text = Texto
templates-type-multiline = Varias líneas
templates-type-choice = Opción
templates-type-handle = Nombre de cuenta
templates-type-url = Enlace
templates-type-links = Enlaces (uno por línea)
templates-type-date = Fecha
templates-type-number = Número
templates-type-case-id = Id de caso
templates-type-policy-ref = Sección de política
templates-part-settings = Ajustes
templates-part-fields = Campos
templates-part-body = Cuerpo en { $lang }
templates-diff-added = añadido
templates-diff-removed = quitado
templates-diff-changed = cambiado
templates-diff-unchanged = sin cambios
templates-author-not-allowed = Solo especialistas, formadores y administradores escriben plantillas.
templates-author-not-owner = Esta plantilla es de otra organización: solo su equipo publica versiones nuevas.
templates-author-id-taken = ya lo usa otra plantilla
templates-author-settings = Ajustes
templates-author-id = Id
templates-author-id-help = De 3 a 60 minúsculas, dígitos y guiones. No cambia nunca y forma parte de la dirección de la plantilla.
templates-author-name = Nombre
templates-author-kind = Tipo
templates-author-area = Área de política
templates-author-default-lang = Idioma predeterminado
templates-author-default = predeterminado
templates-author-variant-name = Nombre en este idioma (opcional)
templates-author-body = Cuerpo
templates-author-labels = Etiquetas de los campos en { $lang }
templates-author-body-error = Línea { $line }, columna { $column }: { $detail }
templates-author-no-body = Sin cuerpo en { $lang }: las notas en { $lang } usan el cuerpo en { $fallback }.
templates-author-preview = Vista previa en { $lang }
templates-author-new-title = Nueva plantilla
templates-author-edit-title = { $name }: versión { $version }
templates-author-intro = Los marcadores se escriben {"{{"} campo {"}}"}; se permiten {"{%"} if campo {"%}"} … {"{%"} endif {"%}"} y {"{%"} for enlace in campo {"%}"} … {"{%"} endfor {"%}"}. La vista previa rellena cada campo con su valor predeterminado o un ejemplo.
templates-author-fields = { $count ->
    [one] Un campo
   *[other] { $count } campos
}
templates-author-no-fields = Aún no hay campos.
templates-author-add-field = Añadir un campo
templates-author-bodies = Cuerpos por idioma
templates-author-bodies-help = Deja un idioma vacío para usar el cuerpo del idioma predeterminado.
templates-author-unchanged = Nada ha cambiado desde la última versión.
templates-author-failed = No publicada: { $detail }
templates-author-publish = Publicar la versión { $version }
templates-author-problem-count = { $count ->
    [one] Un problema que corregir antes de publicar.
   *[other] { $count } problemas que corregir antes de publicar.
}
templates-author-options = Opciones, una por línea
templates-author-pattern = Patrón
templates-author-pattern-help = # es un dígito, A una mayúscula, lo demás se escribe tal cual.
templates-author-min = Mínimo
templates-author-max = Máximo
templates-author-field-n = Campo { $n }
templates-author-field-name = Nombre del marcador
templates-author-field-label = Etiqueta
templates-author-field-type = Tipo
templates-author-field-default = Valor predeterminado
templates-author-field-help = Ayuda
templates-author-field-required = Obligatorio
templates-author-move-up = Subir
templates-author-move-up-named = Subir { $name }
templates-author-remove = Quitar
templates-author-remove-named = Quitar { $name }
templates-versions-title = { $name }: versiones
templates-versions-compose = Redactar una nota
templates-versions-edit = Escribir la versión { $version }
templates-shared-count = { $count ->
    [0] No compartida con proveedores
    [one] Compartida con un proveedor
   *[other] Compartida con { $count } proveedores
}
templates-versions-version = Versión { $version }: { $name }
templates-versions-first = La primera versión.
templates-versions-changes = Qué cambió desde la versión { $from }
templates-import-title = Importar plantillas
templates-import-intro = Elige una carpeta de archivos Markdown, uno por plantilla: front matter con los ajustes y los campos, y una sección por idioma con el encabezado ## en, ## es, ## ar o ## ja. Verás cada problema, o lo que se publicará, antes de guardar nada.
templates-import-folder = Carpeta de plantillas
templates-import-not-ours = es de otra organización: solo su equipo la publica
templates-import-new = plantilla nueva, versión 1
templates-import-next = versión { $version }, después de la versión { $from }
templates-import-unchanged = sin cambios (versión { $version })
templates-import-refused = Algunas plantillas son de otra organización: no se puede publicar nada. Quítalas de la carpeta.
templates-import-nothing = Nada que publicar: ninguna plantilla ha cambiado.
templates-import-publish = { $count ->
    [one] Publicar una plantilla
   *[other] Publicar { $count } plantillas
}
templates-import-published = { $count ->
    [one] Una plantilla publicada.
   *[other] { $count } plantillas publicadas.
}
## Sweeps (issue 11)

sweeps-title = Barridos
sweeps-intro = Guía para un evento en tiempo real y los elementos que revisar con ella. El trabajo sigue sin conexión y se sincroniza cuando vuelve la red.
sweeps-sign-in-list = Inicia sesión para ver y trabajar barridos.
sweeps-sign-in-work = Inicia sesión para trabajar este barrido.
sweeps-none-publish = Aún no hay barridos. Publica el primero abajo.
sweeps-none-wait = Aún no hay barridos. Un especialista los publica aquí.
sweeps-published-by = Publicado el { $date } por { $author }
sweeps-state-plain = guía en texto libre
sweeps-state-version = guía versión { $version }
sweeps-done-of = { $done } de { $total } hechos
sweeps-decided = { $count ->
    [one] 1 decidido
   *[other] { $count } decididos
}
sweeps-conflicts = { $count ->
    [one] 1 conflicto
   *[other] { $count } conflictos
}
sweeps-decision-no-violation = Sin infracción
sweeps-decision-label = Etiquetar
sweeps-decision-remove = Retirar
sweeps-decision-escalate = Escalar
sweeps-decision-none = — ninguna —
sweeps-new-title = Publicar un barrido
sweeps-field-title = Título
sweeps-field-title-example = Noche electoral: horarios falsos de votación
sweeps-field-guidance = Guía
sweeps-field-guidance-example = Qué buscar, el periodo y las regiones, cuándo escalar.
sweeps-field-items = Elementos, un enlace o usuario por línea (o ids de caso, o el texto de un CSV con una columna “link”)
sweeps-publish = Publicar
sweeps-import-ok = { $count ->
    [one] 1 elemento.
   *[other] { $count } elementos.
}
sweeps-import-duplicates = { $count ->
    [one] Se descartó 1 línea repetida.
   *[other] Se descartaron { $count } líneas repetidas.
}
sweeps-import-blank = { $count ->
    [one] Se descartó 1 línea vacía.
   *[other] Se descartaron { $count } líneas vacías.
}
sweeps-import-bad = { $count ->
    [one] 1 línea no es un elemento. No se importa nada hasta corregirla.
   *[other] { $count } líneas no son elementos. No se importa nada hasta corregirlas.
}
sweeps-import-line = Línea { $line }
sweeps-items-file = O sube un archivo CSV o de texto:
sweeps-items-from-file = Elementos de { $file }.
sweeps-items-use-box = Usar el cuadro de texto
sweeps-import-empty = Pega al menos un enlace, usuario o id de caso.
sweeps-import-too-large = El texto es demasiado grande: como máximo { $max } bytes.
sweeps-import-too-many = Un barrido tiene como máximo { $max } elementos; esta lista tiene { $count }.
sweeps-line-too-long = más de { $max } caracteres
sweeps-line-control = contiene un carácter de control
sweeps-line-scheme = un enlace debe empezar por http:// o https://
sweeps-line-no-host = el enlace no tiene dominio
sweeps-line-handle = un usuario es @ y hasta 64 letras, cifras, _ o .
sweeps-line-unknown = no es un enlace, un usuario ni un id de caso
sweeps-line-quote = las comillas del CSV no se cierran
sweeps-line-column = la fila no tiene la columna “{ $column }”
sweeps-error-no-title = Pon un título al barrido.
sweeps-error-title-long = El título puede tener como máximo { $max } caracteres.
sweeps-error-guidance-long = La guía puede tener como máximo { $max } caracteres.
sweeps-orgs-failed = No se pudieron cargar las organizaciones: { $reason }
sweeps-orgs-loading = Cargando organizaciones…
sweeps-shared-with = Compartido con
sweeps-no-vendors = Aún no hay organizaciones proveedoras.
sweeps-shared-count = { $count ->
    [one] Compartido con 1 organización
   *[other] Compartido con { $count } organizaciones
}
sweeps-not-found = Barrido no encontrado
sweeps-not-found-body = Este barrido aún no está en este dispositivo. Si se publicó hace un momento, aparecerá en cuanto la sincronización se ponga al día.
sweeps-all = Todos los barridos
sweeps-guidance = Guía
sweeps-read-only = Puedes leer este barrido; lo trabajan agentes, especialistas y administradores.
sweeps-next-unworked = Siguiente elemento sin trabajar
sweeps-keys-button = Teclas (?)
sweeps-keys-title = Teclas
sweeps-keys-typing = Las teclas no hacen nada mientras escribes en un campo; pulsa Escape o haz clic fuera primero.
sweeps-keys-close = Cerrar
sweeps-key-next = elemento siguiente
sweeps-key-previous = elemento anterior
sweeps-key-unworked = tomar el siguiente elemento sin trabajar (primero tu cola)
sweeps-key-decision = elegir la decisión N
sweeps-key-step = responder el paso N (una casilla se marca, una opción pasa a la siguiente)
sweeps-key-note = escribir una nota
sweeps-key-done = marcar hecho o no hecho
sweeps-key-help = mostrar u ocultar esta lista
sweeps-filter-text = Buscar
sweeps-filter-status = Mostrar
sweeps-filter-decision = Decisión
sweeps-filter-any = cualquiera
sweeps-filter-all = todos
sweeps-filter-open = sin hacer
sweeps-filter-done = hechos
sweeps-filter-mine = míos
sweeps-filter-unassigned = de nadie
sweeps-filter-conflicts = con conflicto
sweeps-filter-count = { $shown } de { $total } elementos
sweeps-filter-assignee = Asignado a
sweeps-filter-anyone = cualquiera
sweeps-filter-text-example = enlace, usuario, id de caso, nota o nombre
sweeps-filter-help = Solo las filas visibles están en la página, así que la búsqueda del navegador (Ctrl+F) no llega a las demás: escribe aquí (pulsa / para venir aquí).
sweeps-filter-none = Ningún elemento coincide con este filtro.
sweeps-items = Elementos
sweeps-item-label = Elemento { $n } ({ $position } de { $count } mostrados)
sweeps-row-conflict = conflicto
sweeps-key-find = buscar elementos (el cuadro de búsqueda de la lista)
sweeps-guidance-version = Guía versión { $version }: { $title }
sweeps-guidance-event = Evento:
sweeps-guidance-window = Cuándo:
sweeps-guidance-where = Regiones e idiomas:
sweeps-guidance-escalate = Escalar:
sweeps-guidance-checklist = Lista de comprobación de cada elemento
sweeps-guidance-decisions = Decisiones
sweeps-ack-title = Está en vigor la versión { $version } de la guía
sweeps-ack-body = Léela arriba antes de tu siguiente elemento. Tus respuestas registran la versión con la que trabajaste.
sweeps-ack-since = Qué cambió desde la versión { $version }, la última que confirmaste:
sweeps-ack-button = He leído la versión { $version }
sweeps-change-text = Cambió: { $part }
sweeps-part-title = el título
sweeps-part-event = el evento
sweeps-part-description = la descripción
sweeps-part-escalation = los criterios de escalado
sweeps-part-where = el periodo, las regiones o los idiomas
sweeps-change-step-added = Paso nuevo: { $step }
sweeps-change-step-changed = Paso cambiado: { $step }
sweeps-change-step-removed = Paso eliminado: { $step }
sweeps-change-decision-added = Decisión nueva: { $decision }
sweeps-change-decision-changed = Decisión cambiada: { $decision }
sweeps-change-decision-removed = Decisión eliminada: { $decision }
sweeps-checklist = Lista de comprobación (versión { $version })
sweeps-checklist-older = Estas respuestas se dieron con la versión { $version }; al responder de nuevo se registra la versión en vigor.
sweeps-choose = — elegir —
sweeps-answers = respuestas de la lista
sweeps-nothing = nada
sweeps-done = hecho
sweeps-not-done = sin hacer
sweeps-field-decision = Decisión
sweeps-field-note = Nota
sweeps-note-from-template = Escribir la nota con una plantilla
sweeps-field-done = Hecho
sweeps-field-answers = lista de comprobación
sweeps-field-assignee = asignación
sweeps-conflict-title = Ediciones en conflicto: { $field }.
sweeps-conflict-shown = Se muestra: “{ $value }” de { $author }.
sweeps-conflict-unseen = Hecho sin verlo:
sweeps-conflict-value = “{ $value }” de { $author }
sweeps-conflict-keep = Mantener “{ $value }”
sweeps-conflict-use = Usar “{ $value }”
sweeps-held-by = lo tiene { $name }
sweeps-take = Tomar
sweeps-pending = pendiente de sincronizar
sweeps-pending-title = Guardado en este dispositivo; aún no está en el servidor
sweeps-worked-by = Decidido por { $author }, { $date }
sweeps-dash-title = Panel
sweeps-dash-done = Hechos
sweeps-dash-unassigned = De nadie
sweeps-dash-escalations = Escalados
sweeps-dash-median = Tiempo mediano por elemento
sweeps-dash-conflicts = Conflictos
sweeps-dash-none = aún no se sabe
sweeps-dash-seconds = { $count ->
    [one] 1 segundo
   *[other] { $count } segundos
}
sweeps-dash-people = Por persona
sweeps-dash-orgs = Por organización
sweeps-dash-person = Persona
sweeps-dash-org = Organización
sweeps-dash-col-done = Hechos
sweeps-dash-col-remaining = Pendientes
sweeps-dash-sections = Decisiones por sección de política
sweeps-dash-section = Sección
sweeps-dash-col-items = Elementos
sweeps-dash-acks = Confirmación de la versión { $version }
sweeps-dash-col-acknowledged = Confirmada
sweeps-dash-ack-yes = sí
sweeps-dash-ack-never = todavía no
sweeps-dash-ack-old = solo la versión { $version }
sweeps-dash-stale = { $count ->
    [one] 1 asignación inactiva
   *[other] { $count } asignaciones inactivas
}
sweeps-dash-stale-item = Elemento { $item }, lo tiene { $name }
sweeps-dash-release = Liberar
sweeps-assign-title = Asignación
sweeps-assign-stale = Una asignación puede liberarse tras estos minutos sin actividad
sweeps-assign-stale-range = Indica un número de minutos de 1 a { $max }.
sweeps-assign-legend = { $count ->
    [one] Asignar el único elemento abierto sin responsable, por turnos, a
   *[other] Asignar los { $count } elementos abiertos sin responsable, por turnos, a
}
sweeps-assign-nobody = Nadie ha trabajado en este barrido ni lo ha confirmado todavía.
sweeps-assign-listing = Buscando a las personas de las organizaciones con las que se comparte este barrido…
sweeps-assign-listed-saved = Sin conexión: las personas de la última lista con conexión ({ $date }).
sweeps-assign-listed-offline = Sin conexión: solo aparecen las personas que este barrido ya conoce. Todas las personas de las organizaciones compartidas aparecen cuando vuelva la conexión.
sweeps-assign-listed-failed = No se pudo obtener la lista de personas de las organizaciones compartidas: { $reason }
sweeps-assign-everyone = Todas las personas de { $org }
sweeps-assign-button = { $people ->
    [one] Asignar { $count } elementos a 1 persona
   *[other] Asignar { $count } elementos entre { $people } personas
}
sweeps-export-items = Exportar elementos (CSV)
sweeps-export-timeline = Exportar cronología (CSV)
sweeps-export-json = Exportar todo (JSON)
sweeps-author-title = Escribir la versión { $version } de la guía
sweeps-author-help = Rellena el formulario; cada cambio se comprueba al momento, el primer problema aparece junto a aquello a lo que se refiere y la vista previa muestra lo que verán los agentes. La descripción es Markdown. En «Avanzado» la versión se puede copiar o pegar como JSON.
sweeps-author-draft = Hay un borrador guardado de la versión { $version }; al publicarlo, cada agente deberá confirmarlo.
sweeps-author-field = Versión { $version } (JSON)
sweeps-author-valid = Lista para guardar o publicar.
sweeps-author-invalid = Aún no está lista: { $reason }
sweeps-author-save = Guardar borrador
sweeps-author-publish = Publicar la versión { $version }
sweeps-author-preview = Vista previa
sweeps-form-title = Título
sweeps-form-event = Evento
sweeps-form-window = Periodo (tu hora local; opcional)
sweeps-form-window-start = Inicio del periodo
sweeps-form-window-end = Fin del periodo
sweeps-form-window-both = Indica el inicio y el fin del periodo, o ninguno.
sweeps-form-regions = Regiones (separadas por comas)
sweeps-form-languages = Idiomas (códigos separados por comas)
sweeps-form-description = Descripción (Markdown)
sweeps-form-description-formatting = Dando formato a la descripción…
sweeps-form-description-formatted = Con el formato que verán los agentes (vea la vista previa).
sweeps-form-description-offline = Dar formato necesita conexión: su texto se guarda tal como está y los agentes lo leen como texto simple hasta que se le dé formato con conexión.
sweeps-form-description-refused = No se puede dar formato a la descripción ({ $reason }); los agentes la leen como texto simple.
sweeps-form-escalation = Criterios de escalado
sweeps-form-sections = Secciones de política enlazadas (sección@versión, separadas por comas)
sweeps-form-section-format = Escribe una sección como sección@versión, por ejemplo civic-integrity.voting-logistics@3.
sweeps-form-step = Paso { $n }
sweeps-form-step-label = Pregunta o comprobación
sweeps-form-step-kind = Tipo de respuesta
sweeps-form-kind-check = casilla (marcada o no)
sweeps-form-kind-choice = elección (una de varias opciones)
sweeps-form-kind-text = texto breve
sweeps-form-step-options = Opciones (separadas por comas)
sweeps-form-step-required = Obligatorio
sweeps-form-step-when = Se muestra
sweeps-form-step-always = siempre
sweeps-form-step-missing = solo tras «{ $step }», que no es un paso anterior
sweeps-form-step-equals = cuando su respuesta es
sweeps-form-ticked = marcada
sweeps-form-not-ticked = no marcada
sweeps-form-id = Id (se mantiene entre versiones)
sweeps-form-step-up = Subir el paso { $n }
sweeps-form-step-remove = Quitar el paso { $n }
sweeps-form-step-add = Añadir un paso
sweeps-form-decision = Decisión { $n }
sweeps-form-decision-label = Etiqueta
sweeps-form-decision-section = Sección de política (sección@versión)
sweeps-form-decision-action = Medida de aplicación
sweeps-form-decision-escalates = Escala el elemento al especialista
sweeps-form-decision-remove = Quitar la decisión { $n }
sweeps-form-decision-add = Añadir una decisión
sweeps-form-json = Avanzado: la versión en JSON
sweeps-form-json-apply = Poner este JSON en el formulario

## Búsqueda de políticas (la página de inicio)

search-heading = Búsqueda de políticas
search-label = Buscar políticas
search-placeholder = Buscar políticas — pulsa / para ir aquí
search-help = Los resultados se actualizan mientras escribes. Pulsa la flecha abajo para ir a los resultados.
search-loading = Cargando la biblioteca de políticas…
search-nothing = Nada coincide con «{ $query }».
search-nothing-filtered = Nada coincide con «{ $query }» con estos filtros.
search-nothing-advice = Revisa la ortografía, usa menos palabras o más generales, o quita un filtro. Prueba:
search-count = { $total ->
    [one] 1 sección coincide
   *[other] { $total } secciones coinciden
}
search-count-best = Las { $shown } mejores de { $total } secciones que coinciden
search-facet-area = Área
search-facet-region = Región
search-facet-language = Idioma
search-facet-action = Acción
search-filter-by-area = Filtrar por área
search-filter-by-region = Filtrar por región
search-filter-by-language = Filtrar por idioma
search-filter-by-action = Filtrar por acción
search-region-global = Global
search-filter = Filtro:
search-active-filters = Filtros activos
search-remove-filter = Quitar el filtro { $filter }
search-all-policies = Todas las políticas ({ $count })
search-policies = Políticas
search-policy-meta = v{ $version } · { $sections ->
    [one] 1 sección
   *[other] { $sections } secciones
}

## Reading lists
nav-reading = Listas de lectura
palette-kind-reading = Lista de lectura
search-other-language = { $language ->
    [ar] No hay resultados en árabe; se muestran secciones en otros idiomas.
    [ja] No hay resultados en japonés; se muestran secciones en otros idiomas.
   *[other] No hay resultados en el idioma de la búsqueda; se muestran secciones en otros idiomas.
}
reading-title = Listas de lectura
reading-intro = Secciones de la biblioteca de políticas para leer en orden, cada una con una nota de tu formador. Marca cada una cuando la hayas leído.
reading-sign-in = Inicia sesión para ver las listas de lectura compartidas con tu organización.
reading-none = Todavía no se ha compartido ninguna lista de lectura con tu organización.
reading-none-write = Aún no hay listas de lectura. Crea una abajo.
reading-progress = { $read } de { $total } leídas
reading-new-title = Nueva lista de lectura
reading-field-title = Título
reading-field-description = Descripción
reading-create = Crear lista
reading-not-found = Esta lista de lectura no existe o no está compartida con tu organización.
reading-back = Todas las listas de lectura
reading-by = Por { $author }
reading-copy-link = Copiar el enlace de esta lista
reading-link-copied = Enlace copiado
reading-empty = Esta lista aún no tiene secciones.
reading-mark = Marcar «{ $section }» como leída
reading-changed = Ha cambiado desde la v{ $version }: la versión vigente es la v{ $current }. Ver qué cambió
reading-unchanged = Sigue igual en la versión vigente, v{ $current }.
reading-removed = Esta sección no está en la versión vigente, v{ $current }.
reading-missing = Esta sección no está en la biblioteca de políticas de este dispositivo.
reading-read-older = Leíste la v{ $read }; la lista ahora apunta a la v{ $version }.
reading-who-read = Quién ha leído qué
reading-nobody = Nadie ha marcado todavía una sección como leída.
reading-reader = Lector
reading-read-count = Leídas
reading-cell-read = Leída
reading-cell-read-old = Leída v{ $version }
reading-cell-unread = Aún no
reading-edit = Editar esta lista
reading-paste-link = Añadir una sección por su enlace
reading-add = Añadir
reading-link-bad = Eso no es un enlace a una sección de política. Cópialo del botón ¶ de una sección o de la barra de direcciones.
reading-link-unknown = La biblioteca de políticas no tiene esa sección en esa versión.
reading-search = Buscar una sección para añadir
reading-search-results = Secciones encontradas
reading-add-section = Añadir { $section }
reading-sections = Secciones ({ $count } de un máximo de { $max })
reading-note-for = Tu nota sobre «{ $section }»
reading-move-up = Subir «{ $section }»
reading-move-down = Bajar «{ $section }»
reading-remove = Quitar «{ $section }»
reading-remove-short = Quitar
reading-save = Guardar lista
reading-saved = Guardado.
reading-problem-no-title = Una lista de lectura necesita un título.
reading-problem-title-long = El título puede tener como máximo { $max } caracteres.
reading-problem-description-long = La descripción puede tener como máximo { $max } caracteres.
reading-problem-too-many = Una lista de lectura tiene como máximo { $max } secciones.
reading-problem-note-long = Una nota puede tener como máximo { $max } caracteres.
reading-problem-bad-item = Una sección de esta lista no es válida; quítala y vuelve a añadirla.
reading-problem-control = El texto contiene caracteres de control.
reading-problem-too-large = Las notas son demasiado largas en conjunto; acorta algunas.

## Zip import
import-zip-not-zip = { $file } no es un archivo zip.
import-zip-damaged = { $file } está dañado o incompleto.
import-zip-damaged-file = { $file } está dañado dentro del archivo zip.
import-zip-too-many = { $file } contiene más de { $max } entradas.
import-zip-file-too-large = { $file } ocupa más de { $kib } KiB una vez descomprimido.
import-zip-too-large = Los archivos de la biblioteca del zip ocupan más de { $mib } MiB en total una vez descomprimidos.
import-zip-unsupported = { $file } está cifrado, dividido o comprimido de una forma que esta página no puede leer. Vuelve a comprimir la carpeta sin contraseña.
import-zip-bad-path = { $file } no es una ruta segura dentro de la carpeta.
