-- The payment providers a channel's shoppers may pay with (its storefront cannot choose another):
-- provider codes separated by commas; none means its shoppers pay at the till or by another route.
ALTER TABLE network.sales_channel ADD COLUMN payment_providers VARCHAR(300) DEFAULT '' NOT NULL;
