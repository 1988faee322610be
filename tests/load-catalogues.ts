// Tests render pages, e-mails and PDFs in every language, as the server does: all six catalogues.
import '../app/i18n/catalogues.server';
