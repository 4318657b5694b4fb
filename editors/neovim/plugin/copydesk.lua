-- Nothing starts here: call require("copydesk").setup() from your config.
-- setup() also defines :CopydeskFixAll.
if vim.g.loaded_copydesk then
  return
end
vim.g.loaded_copydesk = true

if vim.fn.has("nvim-0.7") == 0 then
  vim.api.nvim_echo({ { "copydesk.nvim needs Neovim 0.7 or later", "ErrorMsg" } }, true, {})
end
