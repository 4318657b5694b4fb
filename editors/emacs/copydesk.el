;;; copydesk.el --- copydesk's language server in Emacs, with eglot -*- lexical-binding: t; -*-

;; Load this file (or copy its forms into your init file) to lint Markdown
;; posts with `copydesk lsp' through eglot, Emacs's built-in LSP client
;; (Emacs 29, or the `eglot' package on Emacs 26.3 to 28).

;;; Code:

(require 'eglot)

(defgroup copydesk nil
  "Editorial QA for Markdown posts with front matter."
  :group 'tools)

(defcustom copydesk-program "copydesk"
  "The copydesk binary: a name on `exec-path', or a full path."
  :type 'string)

;; Markdown buffers talk to `copydesk lsp'.  `markdown-mode' comes from
;; MELPA; without it, Emacs opens posts in `text-mode', listed here too so
;; that posts lint either way.
(add-to-list 'eglot-server-programs
             `((markdown-mode gfm-mode text-mode)
               . ,(lambda (&rest _) (list copydesk-program "lsp"))))

(defun copydesk-fix-all ()
  "Apply every safe copydesk fix to the current buffer."
  (interactive)
  (eglot-code-actions (point-min) (point-max) "source.fixAll.copydesk" t))

(provide 'copydesk)
;;; copydesk.el ends here
