;;; e2e.el --- copydesk in Emacs with eglot, end to end  -*- lexical-binding: t; -*-

;; emacs -Q --batch -l editors/emacs/copydesk.el -l editors/emacs/tests/e2e.el
;;
;; With COPYDESK_BIN (the binary), COPYDESK_POST (a post in a git
;; repository, so that project.el finds its project) and COPYDESK_RESULT (a
;; JSON file to write).  Opens the post, lets eglot start `copydesk lsp',
;; waits for its diagnostics in Flymake, applies the quick fix of the
;; repeated title, and ends the session with `eglot-shutdown', which sends
;; `shutdown' and `exit' with "params": null.  Writes
;; {"diagnostics": [{"code", "line", "column"}], "fixed": bool,
;;  "title_line_left": bool, "shutdown_error": string|null, "running": bool}
;; with lines and columns counted from 1, in characters.

;;; Code:

(require 'eglot)
(require 'json)
(require 'cl-lib)

(setq copydesk-program (getenv "COPYDESK_BIN"))
(setq eglot-sync-connect t)

(defun copydesk-e2e--wait (seconds predicate)
  "Run the event loop up to SECONDS until PREDICATE is non-nil."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun copydesk-e2e--lsp-diag (diagnostic)
  (cdr (assoc 'eglot-lsp-diag (eglot--diag-data diagnostic))))

(defun copydesk-e2e--position (pos)
  "Line and character column, from 1, of buffer position POS."
  (save-excursion
    (goto-char pos)
    (list (line-number-at-pos pos) (1+ (- pos (line-beginning-position))))))

(let* ((post (getenv "COPYDESK_POST"))
       (result-file (getenv "COPYDESK_RESULT"))
       (result (list (cons 'shutdown_error nil)))
       server)
  (find-file post)
  (text-mode)
  (setq server (eglot '(text-mode) (project-current) 'eglot-lsp-server
                      (list copydesk-program "lsp") "markdown"))
  (copydesk-e2e--wait 20 (lambda () (flymake-diagnostics)))
  ;; Flymake reports on its own schedule; let every diagnostic in.
  (let ((count 0))
    (copydesk-e2e--wait 20 (lambda ()
                             (let ((now (length (flymake-diagnostics))))
                               (prog1 (and (> now 0) (= now count))
                                 (setq count now)
                                 (accept-process-output nil 0.3))))))
  (push (cons 'diagnostics
              (vconcat
               (cl-loop for d in (flymake-diagnostics)
                        for lsp = (copydesk-e2e--lsp-diag d)
                        for (line column) = (copydesk-e2e--position (flymake-diagnostic-beg d))
                        collect `((code . ,(plist-get lsp :code))
                                  (line . ,line)
                                  (column . ,column)))))
        result)
  ;; The quick fix of the repeated title, as `eglot-code-actions' offers it.
  (let* ((title (cl-find-if (lambda (d)
                              (equal (plist-get (copydesk-e2e--lsp-diag d) :code)
                                     "duplicated-title"))
                            (flymake-diagnostics)))
         (title-text (and title (buffer-substring-no-properties
                                 (flymake-diagnostic-beg title)
                                 (flymake-diagnostic-end title))))
         (actions (and title (eglot-code-actions (flymake-diagnostic-beg title)
                                                 (flymake-diagnostic-end title))))
         (fix (cl-find-if (lambda (a) (equal (plist-get a :title) "Delete the repeated title"))
                          actions)))
    (when fix
      (eglot--apply-workspace-edit (plist-get fix :edit)))
    (push (cons 'fixed (if fix t :json-false)) result)
    (push (cons 'title_line_left
                (if (and title-text
                         (save-excursion
                           (goto-char (point-min))
                           ;; The title stays in the front matter only.
                           (re-search-forward "^---\n\\(?:.*\n\\)*?---\n" nil t)
                           (search-forward title-text nil t)))
                    t :json-false))
          result))
  (condition-case err
      (eglot-shutdown server)
    (error (setcdr (assq 'shutdown_error result) (error-message-string err))))
  (push (cons 'running (if (jsonrpc-running-p server) t :json-false)) result)
  (with-temp-file result-file
    (insert (json-encode result)))
  (kill-emacs 0))

;;; e2e.el ends here
