-- The interface language a person chose (en, es, ar, ja), so it follows them to any device.
-- NULL: never chosen; the device decides (its own choice, else the browser's languages).
ALTER TABLE users ADD COLUMN ui_lang TEXT;
