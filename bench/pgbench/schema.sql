-- Tables for the pgbench baseline (bench/pgbench/placement.sql); created in the benchmark's throwaway cluster.
SET client_min_messages = warning;
DROP TABLE IF EXISTS pb_order_lines, pb_orders, pb_stock, pb_outbox, pb_idempotency;
DROP SEQUENCE IF EXISTS pb_order_number;
CREATE SEQUENCE pb_order_number;
CREATE TABLE pb_idempotency (key text PRIMARY KEY, request_hash text NOT NULL, created_at timestamptz NOT NULL);
CREATE TABLE pb_orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, number text NOT NULL UNIQUE, email text NOT NULL, region text NOT NULL,
  status text NOT NULL, subtotal numeric(18,2) NOT NULL, currency char(3) NOT NULL, created_at timestamptz NOT NULL);
CREATE INDEX ON pb_orders (email);
CREATE TABLE pb_order_lines (
  order_id bigint NOT NULL REFERENCES pb_orders (id), line_no int NOT NULL, sku_id int NOT NULL, quantity int NOT NULL,
  unit_price numeric(18,2) NOT NULL, PRIMARY KEY (order_id, line_no));
CREATE TABLE pb_stock (
  sku_id int NOT NULL, location text NOT NULL, on_hand int NOT NULL, reserved int NOT NULL, version int NOT NULL DEFAULT 0,
  PRIMARY KEY (sku_id, location), CHECK (reserved <= on_hand));
INSERT INTO pb_stock (sku_id, location, on_hand, reserved) SELECT g, 'NAPA-WH', 100000000, 0 FROM generate_series(1, 7) g;
CREATE TABLE pb_outbox (id uuid PRIMARY KEY, type text NOT NULL, payload text NOT NULL, occurred_at timestamptz NOT NULL, processed_at timestamptz);
