;;; tactful.el --- lint message-mode drafts with tactful before sending  -*- lexical-binding: t; -*-

;; Load it from your init file: (load "/path/to/contrib/emacs/tactful.el")
;; Before each send, the buffer goes to `tactful check -' (with the header separator line
;; turned back into the blank line of a real message). Exit 1 stops the send: the findings
;; appear in *tactful* and the draft stays in its buffer. Exit 2 (tactful itself failed)
;; stops it too, with the reason.

(defun tactful-check-message ()
  "Lint the current message with tactful; signal an error to stop the send."
  (let ((message (buffer-substring-no-properties (point-min) (point-max)))
        (separator (concat "^" (regexp-quote mail-header-separator) "$"))
        (out (get-buffer-create "*tactful*")))
    (with-current-buffer out (erase-buffer))
    (with-temp-buffer
      (insert message)
      (goto-char (point-min))
      (when (re-search-forward separator nil t)
        (replace-match "" t t))
      (let ((status (call-process-region (point-min) (point-max) "tactful"
                                         nil out nil "check" "--color" "never" "-")))
        (unless (eql status 0)
          (display-buffer out)
          (error (if (eql status 1)
                     "tactful: not sent; see *tactful*"
                   "tactful failed (exit %s); not sent; see *tactful*")
                 status))))))

(add-hook 'message-send-hook #'tactful-check-message)

(provide 'tactful)
;;; tactful.el ends here
