;;; tactful-eglot.el --- tactful as a language server in Emacs, with eglot  -*- lexical-binding: t -*-

;; Load this (or copy it into your init file), then `M-x eglot' in a message, Markdown or
;; text buffer. Findings show as diagnostics (flymake); `M-x eglot-code-actions' offers
;; the quick fixes.

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((message-mode mail-mode markdown-mode text-mode)
                 . ("tactful" "lsp"
                    :initializationOptions (:severity () :disable [])))))

(provide 'tactful-eglot)
;;; tactful-eglot.el ends here
