<?xml version="1.0" encoding="UTF-8"?>
<!-- IT-MO due-dates report: the common one-page table, with this jurisdiction's language and page numbers. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common.xsl"/>
  <xsl:import href="../common/due-dates.xsl"/>
</xsl:stylesheet>
