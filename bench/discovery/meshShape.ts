/**
 * The shape of the generated benchmark mesh: twenty business domains, each with the demo-ontology
 * classes (./ontology) its products are about, the subjects its products are named after and the
 * tags they carry; and the pools names, descriptions, ports and fields are drawn from. Concepts are
 * written `module#Class` and resolved against the loaded ontology, so a renamed class fails loudly.
 */

/** A business domain of the generated mesh. */
export interface DomainShape {
  id: string;
  label: string;
  /** Concepts (`module#Class`) the domain's products are annotated with, most typical first. */
  concepts: string[];
  /** What its products are about, used in names and descriptions. */
  subjects: string[];
  tags: string[];
}

export const DEMO_ONTOLOGY_BASE = 'https://w3id.org/ontomesh/demo/';

export const domains: DomainShape[] = [
  { id: 'customer', label: 'Customer', concepts: ['customer#Customer', 'customer#RetailCustomer', 'customer#BusinessCustomer', 'customer#CustomerAccount', 'customer#LoyaltyTier', 'core#Address'], subjects: ['profiles', 'segments', 'churn scores', 'lifetime value', 'addresses', 'consents', 'households'], tags: ['customer', 'crm', 'gdpr'] },
  { id: 'sales', label: 'Sales', concepts: ['sales#Order', 'sales#OrderLine', 'sales#Product', 'customer#Customer'], subjects: ['orders', 'order lines', 'bookings', 'pipeline', 'quotes', 'revenue'], tags: ['sales', 'orders', 'revenue'] },
  { id: 'logistics', label: 'Logistics', concepts: ['logistics#Shipment', 'logistics#Parcel', 'logistics#Carrier', 'logistics#Delivery'], subjects: ['shipments', 'parcels', 'carrier performance', 'delivery times', 'routes'], tags: ['logistics', 'shipping'] },
  { id: 'finance', label: 'Finance', concepts: ['sales#Invoice', 'sales#Payment', 'core#Currency', 'sales#PaymentMethod'], subjects: ['general ledger', 'invoices', 'receivables', 'cash flow', 'exchange rates'], tags: ['finance', 'accounting'] },
  { id: 'marketing', label: 'Marketing', concepts: ['customer#RetailCustomer', 'customer#LoyaltyTier', 'sales#Product', 'core#BusinessEvent'], subjects: ['campaigns', 'audiences', 'loyalty activity', 'attribution', 'newsletter engagement'], tags: ['marketing', 'campaigns'] },
  { id: 'procurement', label: 'Procurement', concepts: ['logistics#Supplier', 'sales#Order', 'sales#Invoice', 'core#Organization'], subjects: ['purchase orders', 'supplier scores', 'spend', 'contracts'], tags: ['procurement', 'suppliers'] },
  { id: 'inventory', label: 'Inventory', concepts: ['sales#Product', 'logistics#Warehouse', 'core#Site'], subjects: ['stock levels', 'replenishment', 'stock movements', 'shrinkage'], tags: ['inventory', 'stock'] },
  { id: 'manufacturing', label: 'Manufacturing', concepts: ['sales#Product', 'core#Site', 'logistics#Supplier', 'core#BusinessEvent'], subjects: ['production runs', 'bill of materials', 'machine events', 'yield'], tags: ['manufacturing', 'plants'] },
  { id: 'people', label: 'People', concepts: ['core#Employee', 'core#Person', 'core#Address', 'core#Organization'], subjects: ['headcount', 'employees', 'absences', 'org chart', 'payroll'], tags: ['hr', 'people', 'gdpr'] },
  { id: 'customer-service', label: 'Customer Service', concepts: ['customer#Customer', 'core#BusinessEvent', 'sales#Order', 'customer#CustomerAccount'], subjects: ['tickets', 'contact reasons', 'satisfaction', 'call volumes'], tags: ['service', 'support'] },
  { id: 'billing', label: 'Billing', concepts: ['sales#Invoice', 'customer#CustomerAccount', 'sales#Payment'], subjects: ['invoices', 'dunning', 'billing runs', 'credit notes'], tags: ['billing', 'invoices'] },
  { id: 'payments', label: 'Payments', concepts: ['sales#Payment', 'sales#PaymentMethod', 'core#Currency'], subjects: ['transactions', 'chargebacks', 'settlements', 'fraud signals'], tags: ['payments', 'pci'] },
  { id: 'ecommerce', label: 'E-commerce', concepts: ['sales#Order', 'sales#Product', 'customer#RetailCustomer', 'sales#OrderLine'], subjects: ['web orders', 'baskets', 'sessions', 'product views', 'checkouts'], tags: ['ecommerce', 'web'] },
  { id: 'fleet', label: 'Fleet', concepts: ['logistics#Carrier', 'logistics#Delivery', 'core#Site'], subjects: ['vehicles', 'trips', 'fuel use', 'maintenance'], tags: ['fleet', 'telematics'] },
  { id: 'warehousing', label: 'Warehousing', concepts: ['logistics#Warehouse', 'logistics#Parcel', 'logistics#Shipment'], subjects: ['picks', 'putaways', 'dock schedules', 'capacity'], tags: ['warehouse', 'operations'] },
  { id: 'partners', label: 'Partners', concepts: ['customer#BusinessCustomer', 'logistics#Supplier', 'core#Organization', 'core#Party'], subjects: ['partner accounts', 'resellers', 'onboarding', 'agreements'], tags: ['partners', 'b2b'] },
  { id: 'compliance', label: 'Compliance', concepts: ['core#BusinessDocument', 'core#Party', 'core#Person'], subjects: ['audit trails', 'screenings', 'retention', 'consents'], tags: ['compliance', 'risk', 'gdpr'] },
  { id: 'pricing', label: 'Pricing', concepts: ['sales#Product', 'core#Currency', 'sales#OrderLine'], subjects: ['price lists', 'discounts', 'elasticity', 'margins'], tags: ['pricing', 'revenue'] },
  { id: 'returns', label: 'Returns', concepts: ['sales#Order', 'logistics#Shipment', 'logistics#Parcel', 'customer#Customer'], subjects: ['returns', 'refunds', 'return reasons', 'restocking'], tags: ['returns', 'reverse-logistics'] },
  { id: 'stores', label: 'Stores', concepts: ['core#Site', 'core#Employee', 'sales#Order'], subjects: ['store sales', 'footfall', 'staffing', 'opening hours'], tags: ['retail', 'stores'] },
];

/** How often and for which period a product's data is published; part of names and tags. */
export const cadences = ['daily', 'weekly', 'monthly', 'hourly', 'real-time', 'quarterly'];
export const regions = ['emea', 'north america', 'apac', 'latam', 'global'];
export const statuses = ['active', 'active', 'active', 'active', 'draft', 'deprecated'];

/** Output ports: protocol, format, and how the endpoint URL is made. */
export const portKinds = [
  { protocol: 'rest-services', format: 'application/json', endpoint: (domain: string, id: string) => `https://api.mesh.example.com/${domain}/${id}` },
  { protocol: 'tables', format: 'parquet', endpoint: (domain: string, id: string) => `https://lake.mesh.example.com/${domain}/${id.replaceAll('-', '_')}` },
  { protocol: 'kafka', format: 'avro', endpoint: (domain: string, id: string) => `https://events.mesh.example.com/${domain}.${id}` },
];

/** Field names with their logical type; every dataset starts with its key and picks the rest. */
export const fieldPool: [name: string, type: string][] = [
  ['name', 'string'], ['status', 'string'], ['created_at', 'timestamp'], ['updated_at', 'timestamp'], ['amount', 'decimal'],
  ['currency', 'string'], ['quantity', 'integer'], ['country_code', 'string'], ['region', 'string'], ['channel', 'string'],
  ['email', 'string'], ['score', 'double'], ['valid_from', 'date'], ['valid_to', 'date'], ['is_active', 'boolean'],
  ['category', 'string'], ['site_id', 'string'], ['customer_id', 'string'], ['order_id', 'string'], ['product_id', 'string'],
  ['event_time', 'timestamp'], ['source_system', 'string'], ['record_count', 'bigint'], ['description', 'text'],
];

/**
 * Words to search for: one broad (`customer`, in a tenth of the products) and the rest as specific
 * as discovery searches usually are (tens to hundreds of products each).
 */
export const searchWords = ['customer', 'invoices', 'shipments', 'churn', 'loyalty', 'fraud', 'refunds', 'payroll', 'footfall'];
