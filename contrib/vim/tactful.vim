" tactful as a language server in vim, with vim-lsp
" (https://github.com/prabirshrestha/vim-lsp): put this in ~/.vim/plugin/.
" With ALE instead, see the README.
if executable('tactful')
  augroup tactful_lsp
    autocmd!
    autocmd User lsp_setup call lsp#register_server({
          \ 'name': 'tactful',
          \ 'cmd': {server_info -> ['tactful', 'lsp']},
          \ 'allowlist': ['mail', 'markdown', 'text', 'gitcommit'],
          \ 'initialization_options': {'severity': {}, 'disable': []},
          \ })
  augroup END
endif
