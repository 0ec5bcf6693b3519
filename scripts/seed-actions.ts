/**
 * The human actions the seed guide (Odoo's own, docs/evidence/odoo-guide.md) asks for, done by hand, one row
 * per click, keystroke burst (typing one value) or paste — the baseline the benchmark compares the
 * extension with. Method: walk the guide in order for a personal Gmail account on a first-time
 * Console (the guide's legacy UI); count each click, each value typed or pasted, each scroll the guide
 * names and each tab switch needed to copy a value across; reading is not counted.
 */
export interface SeedAction {
  section: string;
  action: string;
}

export const SEED_ACTIONS: SeedAction[] = [
  // Setup in Google › Create a new project
  { section: 'Create a new project', action: 'Open the Google API Console (type the address)' },
  { section: 'Create a new project', action: 'Choose the Google account to log in with' },
  { section: 'Create a new project', action: 'Click Create Project' },
  { section: 'Create a new project', action: 'Select the Project name field' },
  { section: 'Create a new project', action: 'Type Odoo' },
  { section: 'Create a new project', action: 'Click Browse for the Location' },
  { section: 'Create a new project', action: 'Choose the organization (or No organization)' },
  { section: 'Create a new project', action: 'Click Create' },
  // OAuth consent screen
  { section: 'OAuth consent screen', action: 'Click OAuth consent screen in the left menu' },
  { section: 'OAuth consent screen', action: 'Select the User Type' },
  { section: 'OAuth consent screen', action: 'Click Create' },
  // Edit app registration
  { section: 'Edit app registration', action: 'Select the App name field' },
  { section: 'Edit app registration', action: 'Type Odoo' },
  { section: 'Edit app registration', action: 'Open the User support email dropdown' },
  { section: 'Edit app registration', action: 'Choose the email address' },
  { section: 'Edit app registration', action: 'Click Add Domain' },
  { section: 'Edit app registration', action: 'Type odoo.com' },
  { section: 'Edit app registration', action: 'Select the Developer contact email field' },
  { section: 'Edit app registration', action: "Type the organization's email address" },
  { section: 'Edit app registration', action: 'Click Save and Continue' },
  { section: 'Edit app registration', action: 'Scroll to the bottom of the Scopes page' },
  { section: 'Edit app registration', action: 'Click Save and Continue' },
  { section: 'Edit app registration', action: 'Click Add Users' },
  { section: 'Edit app registration', action: 'Type the test user email address' },
  { section: 'Edit app registration', action: 'Click Add' },
  { section: 'Edit app registration', action: 'Click Save and Continue' },
  { section: 'Edit app registration', action: 'Scroll to the bottom of the summary' },
  { section: 'Edit app registration', action: 'Click Back to Dashboard' },
  // Create Credentials
  { section: 'Create Credentials', action: 'Click Credentials in the left menu' },
  { section: 'Create Credentials', action: 'Click Create Credentials' },
  { section: 'Create Credentials', action: 'Choose OAuth client ID' },
  { section: 'Create Credentials', action: 'Open the Application Type dropdown' },
  { section: 'Create Credentials', action: 'Choose Web Application' },
  { section: 'Create Credentials', action: 'Select the Name field' },
  { section: 'Create Credentials', action: 'Type Odoo' },
  { section: 'Create Credentials', action: 'Click ADD URI under Authorized redirect URIs' },
  { section: 'Create Credentials', action: 'Type https://yourdbname.odoo.com/google_gmail/confirm' },
  { section: 'Create Credentials', action: 'Click Create' },
  { section: 'Create Credentials', action: 'Copy the Client ID' },
  // Thiết lập trong Odoo › Enter Google Credentials
  { section: 'Enter Google Credentials', action: 'Switch to the Odoo tab' },
  { section: 'Enter Google Credentials', action: 'Open the Apps module' },
  { section: 'Enter Google Credentials', action: 'Remove the Apps filter from the search bar' },
  { section: 'Enter Google Credentials', action: 'Type Google' },
  { section: 'Enter Google Credentials', action: 'Click Install on Google Gmail' },
  { section: 'Enter Google Credentials', action: 'Go to Settings › General Settings' },
  { section: 'Enter Google Credentials', action: 'Tick Custom Email Servers in Discussion' },
  { section: 'Enter Google Credentials', action: 'Paste the Client ID' },
  { section: 'Enter Google Credentials', action: 'Switch back to the Console and copy the Client Secret' },
  { section: 'Enter Google Credentials', action: 'Switch to Odoo and paste the Client Secret' },
  { section: 'Enter Google Credentials', action: 'Click Save' },
  // Configure outgoing email server
  { section: 'Configure outgoing email server', action: 'Click the Outgoing Email Servers link' },
  { section: 'Configure outgoing email server', action: 'Click New' },
  { section: 'Configure outgoing email server', action: 'Type the Name / Description' },
  { section: 'Configure outgoing email server', action: 'Type the Username (the Gmail address)' },
  { section: 'Configure outgoing email server', action: 'Click Gmail OAuth Authentication' },
  { section: 'Configure outgoing email server', action: 'Click Connect your Gmail Account' },
  { section: 'Configure outgoing email server', action: 'Choose the Google account' },
  { section: 'Configure outgoing email server', action: 'Click Continue on the personal-account verification step' },
  { section: 'Configure outgoing email server', action: 'Click Continue / Allow' },
  { section: 'Configure outgoing email server', action: 'Click Test the Connection' },
];
