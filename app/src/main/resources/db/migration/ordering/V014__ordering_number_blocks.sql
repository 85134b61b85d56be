-- Order numbers are handed out by each node from blocks of 20 (one sequence call per block rather
-- than per order, see OrderRepository.nextNumber): the sequence moves a block at a time.
ALTER SEQUENCE ordering.order_number INCREMENT BY 20;
